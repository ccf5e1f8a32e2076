package io.sluice.models.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * The architecture of a BERT-family encoder, read from a Hugging Face {@code config.json}. BERT, MiniLM and
 * BGE are BERT configurations; DistilBERT is BERT without token types and with its own key names; RoBERTa and
 * XLM-R are BERT whose position ids start at {@code pad_token_id + 1}.
 */
public record EncoderConfig(
    String modelType,
    int vocabSize,
    int hiddenSize,
    int numLayers,
    int numHeads,
    int intermediateSize,
    int maxPositions,
    int typeVocabSize,
    float layerNormEps,
    String activation,
    int padTokenId,
    float hiddenDropout,
    float attentionDropout) {

  private static final Set<String> BERT_LIKE = Set.of("bert", "distilbert", "roberta", "xlm-roberta", "camembert");
  private static final Set<String> ACTIVATIONS = Set.of("gelu", "gelu_new", "relu");

  public EncoderConfig {
    if (!BERT_LIKE.contains(modelType)) {
      throw new IllegalArgumentException("unsupported model_type '" + modelType + "'; supported: " + BERT_LIKE);
    }
    if (!ACTIVATIONS.contains(activation)) {
      throw new IllegalArgumentException("unsupported activation '" + activation + "'; supported: " + ACTIVATIONS);
    }
    if (hiddenSize <= 0 || numHeads <= 0 || hiddenSize % numHeads != 0) {
      throw new IllegalArgumentException("hidden size " + hiddenSize + " is not divisible by " + numHeads + " heads");
    }
    if (numLayers <= 0 || intermediateSize <= 0 || vocabSize <= 0 || maxPositions <= 0 || typeVocabSize < 0) {
      throw new IllegalArgumentException("non-positive size in encoder config");
    }
  }

  /** RoBERTa-style models number positions from padding_idx + 1; BERT from 0. */
  public int positionOffset() {
    return usesPaddingOffsetPositions() ? padTokenId + 1 : 0;
  }

  /** The longest token sequence (special tokens included) the position table can address. */
  public int maxTokens() {
    return maxPositions - positionOffset();
  }

  public int headSize() {
    return hiddenSize / numHeads;
  }

  private boolean usesPaddingOffsetPositions() {
    return modelType.equals("roberta") || modelType.equals("xlm-roberta") || modelType.equals("camembert");
  }

  public static EncoderConfig fromJson(JsonNode json) {
    String type = text(json, "model_type", "bert").toLowerCase(Locale.ROOT);
    // HF DistilBERT configs use their own key names; the ones this runtime writes use BERT keys (see toJson)
    if (json.has("dim")) {
      return new EncoderConfig(
          type,
          required(json, "vocab_size"),
          required(json, "dim"),
          required(json, "n_layers"),
          required(json, "n_heads"),
          required(json, "hidden_dim"),
          required(json, "max_position_embeddings"),
          0,
          1e-12f, // DistilBERT hard-codes its LayerNorm epsilon
          text(json, "activation", "gelu"),
          json.path("pad_token_id").asInt(0),
          (float) json.path("dropout").asDouble(0.1),
          (float) json.path("attention_dropout").asDouble(0.1));
    }
    return new EncoderConfig(
        type,
        required(json, "vocab_size"),
        required(json, "hidden_size"),
        required(json, "num_hidden_layers"),
        required(json, "num_attention_heads"),
        required(json, "intermediate_size"),
        required(json, "max_position_embeddings"),
        json.path("type_vocab_size").asInt(2),
        (float) json.path("layer_norm_eps").asDouble(1e-12),
        text(json, "hidden_act", "gelu"),
        json.path("pad_token_id").asInt(type.equals("bert") ? 0 : 1),
        (float) json.path("hidden_dropout_prob").asDouble(0.1),
        (float) json.path("attention_probs_dropout_prob").asDouble(0.1));
  }

  /**
   * A config.json for this architecture with BERT keys for every model type, matching the BERT parameter names
   * our saved weights use (see {@link CheckpointNames}); model_type is kept so positions stay right.
   */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    n.put("model_type", modelType);
    n.put("vocab_size", vocabSize);
    n.put("hidden_size", hiddenSize);
    n.put("num_hidden_layers", numLayers);
    n.put("num_attention_heads", numHeads);
    n.put("intermediate_size", intermediateSize);
    n.put("max_position_embeddings", maxPositions);
    n.put("type_vocab_size", typeVocabSize);
    n.put("layer_norm_eps", layerNormEps);
    n.put("hidden_act", activation);
    n.put("pad_token_id", padTokenId);
    n.put("hidden_dropout_prob", hiddenDropout);
    n.put("attention_probs_dropout_prob", attentionDropout);
    return n;
  }

  private static int required(JsonNode json, String key) {
    JsonNode v = json.get(key);
    if (v == null || !v.canConvertToInt()) {
      throw new IllegalArgumentException("config.json lacks integer '" + key + "'");
    }
    return v.asInt();
  }

  private static String text(JsonNode json, String key, String fallback) {
    JsonNode v = json.get(key);
    return v == null || v.isNull() ? fallback : v.asText();
  }
}
