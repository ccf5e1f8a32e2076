package io.sluice.models.decoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.bench.SyntheticBpe;
import io.sluice.models.weights.SafetensorsWriter;
import io.sluice.models.weights.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small random decoders of each architecture, written as Hugging Face model directories. */
public final class TinyDecoders {
  public static final int VOCAB = 300;
  public static final List<String> SPECIALS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");
  public static final int EOS = VOCAB - 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyDecoders() {}

  /** Llama 3.x style: grouped-query attention, llama3 rope scaling whose bands all occur at head_dim 8. */
  public static DecoderConfig llama(boolean tied) {
    return new DecoderConfig("llama", VOCAB, 32, 2, 4, 2, 8, 48, 256, 1e-5f,
        RopeSettings.llama3(100, 8, 1, 4, 32), tied, false, false, false, false);
  }

  /** Qwen2.5 style: q/k/v biases, no o_proj bias. */
  public static DecoderConfig qwen2(boolean tied) {
    return new DecoderConfig("qwen2", VOCAB, 32, 2, 4, 1, 8, 40, 256, 1e-6f, RopeSettings.plain(10000), tied,
        true, false, false, false);
  }

  /** Qwen3 style: per-head q/k RMSNorm and a head_dim that is not hidden / heads. */
  public static DecoderConfig qwen3(boolean tied) {
    return new DecoderConfig("qwen3", VOCAB, 24, 2, 4, 2, 12, 40, 256, 1e-6f, RopeSettings.plain(1000000), tied,
        false, false, false, true);
  }

  /** Random weights under HF names; norms near 1 and biases non-zero so that every term matters. */
  public static Map<String, Tensor> randomWeights(DecoderConfig c, long seed) {
    Random r = new Random(seed);
    Map<String, Tensor> w = new LinkedHashMap<>();
    int h = c.hiddenSize();
    int qOut = c.numHeads() * c.headDim();
    int kvOut = c.numKvHeads() * c.headDim();
    put(w, r, "model.embed_tokens.weight", 0.5, 0, c.vocabSize(), h);
    for (int i = 0; i < c.numLayers(); i++) {
      String p = "model.layers." + i + ".";
      put(w, r, p + "input_layernorm.weight", 0.1, 1, h);
      put(w, r, p + "post_attention_layernorm.weight", 0.1, 1, h);
      put(w, r, p + "self_attn.q_proj.weight", 0.3, 0, qOut, h);
      put(w, r, p + "self_attn.k_proj.weight", 0.3, 0, kvOut, h);
      put(w, r, p + "self_attn.v_proj.weight", 0.3, 0, kvOut, h);
      put(w, r, p + "self_attn.o_proj.weight", 0.3, 0, h, qOut);
      if (c.qkvBias()) {
        put(w, r, p + "self_attn.q_proj.bias", 0.2, 0, qOut);
        put(w, r, p + "self_attn.k_proj.bias", 0.2, 0, kvOut);
        put(w, r, p + "self_attn.v_proj.bias", 0.2, 0, kvOut);
      }
      if (c.qkNorm()) {
        put(w, r, p + "self_attn.q_norm.weight", 0.1, 1, c.headDim());
        put(w, r, p + "self_attn.k_norm.weight", 0.1, 1, c.headDim());
      }
      put(w, r, p + "mlp.gate_proj.weight", 0.3, 0, c.intermediateSize(), h);
      put(w, r, p + "mlp.up_proj.weight", 0.3, 0, c.intermediateSize(), h);
      put(w, r, p + "mlp.down_proj.weight", 0.3, 0, h, c.intermediateSize());
    }
    put(w, r, "model.norm.weight", 0.1, 1, h);
    if (!c.tieWordEmbeddings()) {
      put(w, r, "lm_head.weight", 0.3, 0, c.vocabSize(), h);
    }
    return w;
  }

  private static void put(Map<String, Tensor> w, Random r, String name, double std, double mean, int... shape) {
    int n = 1;
    long[] dims = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      n *= shape[i];
      dims[i] = shape[i];
    }
    float[] data = new float[n];
    for (int i = 0; i < n; i++) {
      data[i] = (float) (mean + std * r.nextGaussian());
    }
    w.put(name, new Tensor(name, dims, data));
  }

  /** config.json, model.safetensors (FP32), tokenizer.json and generation_config.json. */
  public static Path write(Path dir, DecoderConfig c, Map<String, Tensor> weights) throws IOException {
    writeMetadata(dir, c);
    SafetensorsWriter.write(dir.resolve("model.safetensors"), weights.values());
    return dir;
  }

  public static void writeMetadata(Path dir, DecoderConfig c) throws IOException {
    Files.createDirectories(dir);
    ObjectNode config = c.toJson(JSON);
    config.put("eos_token_id", EOS);
    JSON.writeValue(dir.resolve("config.json").toFile(), config);
    Files.write(dir.resolve("tokenizer.json"), SyntheticBpe.tokenizerJson(VOCAB, SPECIALS));
    ObjectNode gen = JSON.createObjectNode();
    gen.put("eos_token_id", EOS);
    gen.put("max_new_tokens", 12);
    JSON.writeValue(dir.resolve("generation_config.json").toFile(), gen);
  }

  /** The same weights as BF16 safetensors in two shards with model.safetensors.index.json. */
  public static void writeShardedBf16(Path dir, DecoderConfig c, Map<String, Tensor> weights) throws IOException {
    writeMetadata(dir, c);
    List<Tensor> all = new ArrayList<>(weights.values());
    int half = all.size() / 2;
    ObjectNode index = JSON.createObjectNode();
    ObjectNode map = index.putObject("weight_map");
    String[] names = {"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"};
    List<List<Tensor>> shards = List.of(all.subList(0, half), all.subList(half, all.size()));
    for (int s = 0; s < 2; s++) {
      writeBf16(dir.resolve(names[s]), shards.get(s));
      for (Tensor t : shards.get(s)) {
        map.put(t.name(), names[s]);
      }
    }
    JSON.writeValue(dir.resolve("model.safetensors.index.json").toFile(), index);
  }

  /** BF16 is the top half of an FP32's bits: written by hand, as DJL cannot encode BF16. */
  private static void writeBf16(Path file, List<Tensor> tensors) throws IOException {
    ObjectNode header = JSON.createObjectNode();
    long offset = 0;
    for (Tensor t : tensors) {
      ObjectNode e = header.putObject(t.name());
      e.put("dtype", "BF16");
      ArrayNode shape = e.putArray("shape");
      for (long d : t.shape()) {
        shape.add(d);
      }
      e.putArray("data_offsets").add(offset).add(offset + 2L * t.data().length);
      offset += 2L * t.data().length;
    }
    byte[] head = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(8 + head.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(head.length).put(head);
    for (Tensor t : tensors) {
      for (float f : t.data()) {
        buf.putShort((short) (Float.floatToIntBits(f) >>> 16));
      }
    }
    Files.write(file, buf.array());
  }

  /** Rounds weights to BF16 the way writeShardedBf16 stores them (truncation), for comparisons. */
  public static Map<String, Tensor> truncatedToBf16(Map<String, Tensor> weights) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Tensor t : weights.values()) {
      float[] d = t.data().clone();
      for (int i = 0; i < d.length; i++) {
        d[i] = Float.intBitsToFloat(Float.floatToIntBits(d[i]) & 0xFFFF0000);
      }
      out.put(t.name(), new Tensor(t.name(), t.shape(), d));
    }
    return out;
  }
}
