package io.sluice.models.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.models.weights.Tensor;
import java.util.Map;

/**
 * A plain-Java, double-precision forward pass of Llama/Qwen2/Qwen3 decoders, written from the transformers
 * modelling code independently of the DJL blocks (its own config parsing, rotary tables, attention loops),
 * so that agreement between the two checks both.
 */
final class ReferenceDecoder {
  private final Map<String, Tensor> w;
  private final int hidden;
  private final int layers;
  private final int heads;
  private final int kvHeads;
  private final int headDim;
  private final double eps;
  private final boolean qkNorm;
  private final boolean tied;
  private final double[] invFreq;

  ReferenceDecoder(JsonNode config, Map<String, Tensor> weights) {
    this.w = weights;
    this.hidden = config.get("hidden_size").asInt();
    this.layers = config.get("num_hidden_layers").asInt();
    this.heads = config.get("num_attention_heads").asInt();
    this.kvHeads = config.get("num_key_value_heads").asInt();
    this.headDim = config.has("head_dim") ? config.get("head_dim").asInt() : hidden / heads;
    this.eps = config.get("rms_norm_eps").asDouble();
    this.qkNorm = config.get("model_type").asText().equals("qwen3");
    this.tied = config.path("tie_word_embeddings").asBoolean(false);
    this.invFreq = inverseFrequencies(config, headDim);
  }

  /** transformers' _compute_default_rope_parameters and _compute_llama3_parameters, in double. */
  private static double[] inverseFrequencies(JsonNode config, int dim) {
    double theta = config.get("rope_theta").asDouble();
    double[] inv = new double[dim / 2];
    for (int i = 0; i < inv.length; i++) {
      inv[i] = 1.0 / Math.pow(theta, 2.0 * i / dim);
    }
    JsonNode scaling = config.get("rope_scaling");
    if (scaling != null && scaling.path("rope_type").asText().equals("llama3")) {
      double factor = scaling.get("factor").asDouble();
      double low = scaling.get("low_freq_factor").asDouble();
      double high = scaling.get("high_freq_factor").asDouble();
      double old = scaling.get("original_max_position_embeddings").asDouble();
      for (int i = 0; i < inv.length; i++) {
        double wavelen = 2 * Math.PI / inv[i];
        if (wavelen > old / low) {
          inv[i] = inv[i] / factor;
        } else if (wavelen >= old / high) {
          double smooth = (old / wavelen - low) / (high - low);
          inv[i] = (1 - smooth) * inv[i] / factor + smooth * inv[i];
        }
      }
    }
    return inv;
  }

  /** Logits [position][vocab] of one sequence. */
  double[][] logits(long[] ids) {
    int n = ids.length;
    double[][] x = new double[n][];
    for (int t = 0; t < n; t++) {
      x[t] = row(w.get("model.embed_tokens.weight"), (int) ids[t]);
    }
    for (int l = 0; l < layers; l++) {
      String p = "model.layers." + l + ".";
      double[][] attnOut = attention(p, x);
      for (int t = 0; t < n; t++) {
        add(x[t], attnOut[t]);
        double[] normed = rmsNorm(x[t], w.get(p + "post_attention_layernorm.weight").data());
        double[] gate = linear(p + "mlp.gate_proj", normed);
        double[] up = linear(p + "mlp.up_proj", normed);
        for (int i = 0; i < gate.length; i++) {
          gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
        }
        add(x[t], linear(p + "mlp.down_proj", gate));
      }
    }
    double[][] out = new double[n][];
    String head = tied ? "model.embed_tokens" : "lm_head";
    for (int t = 0; t < n; t++) {
      out[t] = linear(head, rmsNorm(x[t], w.get("model.norm.weight").data()));
    }
    return out;
  }

  private double[][] attention(String p, double[][] x) {
    int n = x.length;
    double[][][] q = new double[n][][];
    double[][][] k = new double[n][][];
    double[][][] v = new double[n][][];
    for (int t = 0; t < n; t++) {
      double[] normed = rmsNorm(x[t], w.get(p + "input_layernorm.weight").data());
      q[t] = split(linear(p + "self_attn.q_proj", normed), heads);
      k[t] = split(linear(p + "self_attn.k_proj", normed), kvHeads);
      v[t] = split(linear(p + "self_attn.v_proj", normed), kvHeads);
      for (int h = 0; h < heads; h++) {
        if (qkNorm) {
          q[t][h] = rmsNorm(q[t][h], w.get(p + "self_attn.q_norm.weight").data());
        }
        rotate(q[t][h], t);
      }
      for (int h = 0; h < kvHeads; h++) {
        if (qkNorm) {
          k[t][h] = rmsNorm(k[t][h], w.get(p + "self_attn.k_norm.weight").data());
        }
        rotate(k[t][h], t);
      }
    }
    double[][] out = new double[n][];
    int perKv = heads / kvHeads;
    for (int t = 0; t < n; t++) {
      double[] concat = new double[heads * headDim];
      for (int h = 0; h < heads; h++) {
        int kvh = h / perKv;
        double[] scores = new double[t + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s <= t; s++) {
          scores[s] = dot(q[t][h], k[s][kvh]) / Math.sqrt(headDim);
          max = Math.max(max, scores[s]);
        }
        double sum = 0;
        for (int s = 0; s <= t; s++) {
          scores[s] = Math.exp(scores[s] - max);
          sum += scores[s];
        }
        for (int s = 0; s <= t; s++) {
          for (int d = 0; d < headDim; d++) {
            concat[h * headDim + d] += scores[s] / sum * v[s][kvh][d];
          }
        }
      }
      out[t] = linear(p + "self_attn.o_proj", concat);
    }
    return out;
  }

  /** rotate_half convention: dimension i pairs with i + headDim/2. */
  private void rotate(double[] vec, int position) {
    int half = headDim / 2;
    for (int i = 0; i < half; i++) {
      double angle = position * invFreq[i];
      double a = vec[i];
      double b = vec[i + half];
      vec[i] = a * Math.cos(angle) - b * Math.sin(angle);
      vec[i + half] = b * Math.cos(angle) + a * Math.sin(angle);
    }
  }

  private double[] linear(String name, double[] in) {
    Tensor weight = w.get(name + ".weight");
    int outDim = (int) weight.shape()[0];
    int inDim = (int) weight.shape()[1];
    Tensor bias = w.get(name + ".bias");
    double[] out = new double[outDim];
    for (int o = 0; o < outDim; o++) {
      double s = bias == null ? 0 : bias.data()[o];
      for (int i = 0; i < inDim; i++) {
        s += (double) weight.data()[o * inDim + i] * in[i];
      }
      out[o] = s;
    }
    return out;
  }

  private double[] rmsNorm(double[] in, float[] gain) {
    double sq = 0;
    for (double d : in) {
      sq += d * d;
    }
    double scale = 1 / Math.sqrt(sq / in.length + eps);
    double[] out = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] * scale * gain[i];
    }
    return out;
  }

  private double[][] split(double[] flat, int count) {
    double[][] out = new double[count][headDim];
    for (int h = 0; h < count; h++) {
      System.arraycopy(flat, h * headDim, out[h], 0, headDim);
    }
    return out;
  }

  private static double[] row(Tensor t, int r) {
    int cols = (int) t.shape()[1];
    double[] out = new double[cols];
    for (int c = 0; c < cols; c++) {
      out[c] = t.data()[r * cols + c];
    }
    return out;
  }

  private static void add(double[] acc, double[] delta) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] += delta[i];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
