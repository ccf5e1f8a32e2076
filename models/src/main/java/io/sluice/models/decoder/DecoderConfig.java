package io.sluice.models.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * The architecture of a Llama-family decoder, read from a Hugging Face {@code config.json}. Llama (and
 * SmolLM2, TinyLlama, which are Llama configurations), Qwen2/2.5 (biases on q, k and v) and Qwen3 (RMSNorm on
 * each head of q and k) differ only in the flags below.
 */
public record DecoderConfig(
    String modelType,
    int vocabSize,
    int hiddenSize,
    int numLayers,
    int numHeads,
    int numKvHeads,
    int headDim,
    int intermediateSize,
    int maxPositions,
    float rmsNormEps,
    RopeSettings rope,
    boolean tieWordEmbeddings,
    boolean qkvBias,
    boolean outputBias,
    boolean mlpBias,
    boolean qkNorm) {

  private static final Set<String> SUPPORTED = Set.of("llama", "qwen2", "qwen3");

  public DecoderConfig {
    if (!SUPPORTED.contains(modelType)) {
      throw new IllegalArgumentException("unsupported decoder model_type '" + modelType + "'; supported: " + SUPPORTED);
    }
    if (numHeads <= 0 || numKvHeads <= 0 || numHeads % numKvHeads != 0) {
      throw new IllegalArgumentException(numHeads + " attention heads cannot be shared by " + numKvHeads + " key/value heads");
    }
    if (headDim <= 0 || headDim % 2 != 0) {
      throw new IllegalArgumentException("head_dim must be positive and even for rotary embeddings, got " + headDim);
    }
    if (vocabSize <= 0 || hiddenSize <= 0 || numLayers <= 0 || intermediateSize <= 0 || maxPositions <= 0) {
      throw new IllegalArgumentException("non-positive size in decoder config");
    }
  }

  /** Query heads per key/value head (grouped-query attention; 1 is plain multi-head attention). */
  public int groups() {
    return numHeads / numKvHeads;
  }

  public static DecoderConfig fromJson(JsonNode json) {
    String type = json.path("model_type").asText("").toLowerCase(Locale.ROOT);
    if (!SUPPORTED.contains(type)) {
      throw new IllegalArgumentException("unsupported decoder model_type '" + type + "'; supported: " + SUPPORTED);
    }
    if (json.path("use_sliding_window").asBoolean(false)) {
      throw new IllegalArgumentException("config.json sets use_sliding_window: sliding-window attention is not "
          + "supported; set it to false (the Qwen2.5 default)");
    }
    int hidden = required(json, "hidden_size");
    int heads = required(json, "num_attention_heads");
    boolean attentionBias = json.path("attention_bias").asBoolean(false);
    boolean qwen2 = type.equals("qwen2");
    return new DecoderConfig(
        type,
        required(json, "vocab_size"),
        hidden,
        required(json, "num_hidden_layers"),
        heads,
        json.path("num_key_value_heads").asInt(heads),
        json.hasNonNull("head_dim") ? json.get("head_dim").asInt() : hidden / heads,
        required(json, "intermediate_size"),
        json.path("max_position_embeddings").asInt(2048),
        (float) json.path("rms_norm_eps").asDouble(1e-6),
        RopeSettings.fromConfig(json),
        json.path("tie_word_embeddings").asBoolean(false),
        qwen2 || attentionBias, // Qwen2 always has q/k/v biases and no o_proj bias
        !qwen2 && attentionBias,
        json.path("mlp_bias").asBoolean(false),
        type.equals("qwen3"));
  }

  /** A config.json that {@link #fromJson} reads back into this configuration. */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    n.put("model_type", modelType);
    n.putArray("architectures").add(switch (modelType) {
      case "qwen2" -> "Qwen2ForCausalLM";
      case "qwen3" -> "Qwen3ForCausalLM";
      default -> "LlamaForCausalLM";
    });
    n.put("vocab_size", vocabSize);
    n.put("hidden_size", hiddenSize);
    n.put("num_hidden_layers", numLayers);
    n.put("num_attention_heads", numHeads);
    n.put("num_key_value_heads", numKvHeads);
    n.put("head_dim", headDim);
    n.put("intermediate_size", intermediateSize);
    n.put("max_position_embeddings", maxPositions);
    n.put("rms_norm_eps", rmsNormEps);
    n.put("tie_word_embeddings", tieWordEmbeddings);
    if (!modelType.equals("qwen2")) {
      n.put("attention_bias", qkvBias);
    }
    n.put("mlp_bias", mlpBias);
    n.put("hidden_act", "silu");
    rope.writeTo(n);
    return n;
  }

  private static int required(JsonNode json, String key) {
    JsonNode v = json.get(key);
    if (v == null || !v.canConvertToInt()) {
      throw new IllegalArgumentException("config.json lacks integer '" + key + "'");
    }
    return v.asInt();
  }
}
