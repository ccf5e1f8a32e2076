package io.sluice.models.ner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a trained PII NER directory holds besides its head weights: the encoder it runs on (an embedded model
 * id, pinned by sha256, referenced rather than copied), the windowing the head was trained with, the entity
 * types, the head's shape, and the entity threshold its words are decoded with (tuned on held-out data after
 * training, see {@link ThresholdTuner}; {@code typeThresholds} overrides it for the words whose most probable
 * type is a given entity type), what a word is when decoding ({@link Words}), and which features the head sees
 * beside the encoder states ({@link Features}), and whether the model brings its own copy of the encoder's top layer
 * ({@code topLayer}, fine-tuned with the head and stored as {@link #TOP_LAYER_WEIGHTS}: the shared encoder then
 * runs its lower layers only). Stored as config.json.
 */
public record NerModelConfig(String encoder, String encoderSha256, int maxTokens, int windowStride,
    List<String> entities, int hiddenUnits, int featureWidth, double entityThreshold, Words words,
    Features features, Map<String, Double> typeThresholds, boolean topLayer) {
  /**
   * The units the decoder types as a whole (their tokens' probabilities averaged). Names and places: runs of
   * letters and digits, so "Paucek," ends before the comma. Field values (amounts, dates, codes): everything
   * between whitespace, so "9.55" or "21/05/2018" is never cut at its punctuation.
   */
  public enum Words { ALPHANUMERIC_RUNS, WHITESPACE_CHUNKS }

  /**
   * The per-token features appended to the encoder states, computed from the text by the same code in training
   * and prediction: casing and shape ({@link TokenFeatures}), optionally followed by flags of some word lists
   * ({@link GazetteerFeatures}): all of them, or only the name lists with the common-word list as their
   * counter-signal (a capitalised common word is rarely a name).
   */
  public enum Features {
    CASING(List.of()),
    CASING_AND_GAZETTEER(List.of(Gazetteer.Kind.values())),
    CASING_AND_NAMES(List.of(Gazetteer.Kind.FIRST_NAME, Gazetteer.Kind.LAST_NAME, Gazetteer.Kind.COMMON_WORD));

    private final List<Gazetteer.Kind> lists;

    Features(List<Gazetteer.Kind> lists) {
      this.lists = lists;
    }

    /** The feature set named as in config.json ("casing", "casing_and_gazetteer", "casing_and_names"). */
    public static Features named(String name) {
      try {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("NER features must be casing, casing_and_gazetteer or casing_and_names,"
            + " not " + name, e);
      }
    }

    public int width() {
      return TokenFeatures.WIDTH + listWidth();
    }

    /** Width of the word-list flags, which follow the casing features; 0 when the set has none. */
    int listWidth() {
      return GazetteerFeatures.width(lists);
    }

    /** The word lists whose flags the set carries, in feature order. */
    List<Gazetteer.Kind> lists() {
      return lists;
    }

    /** [tokens][width()] feature rows of the tokens [starts, ends) of {@code text}. */
    float[][] rows(String text, int[] starts, int[] ends) {
      float[][] casing = TokenFeatures.rows(text, starts, ends);
      if (lists.isEmpty()) {
        return casing;
      }
      float[][] listed = GazetteerFeatures.rows(text, starts, ends, lists);
      float[][] rows = new float[starts.length][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = java.util.Arrays.copyOf(casing[i], width());
        System.arraycopy(listed[i], 0, rows[i], TokenFeatures.WIDTH, listWidth());
      }
      return rows;
    }
  }

  public static final String FORMAT = "sluice-ner-head/1";
  /** The weights of the model's own top encoder layer, when {@link #topLayer}. */
  public static final String TOP_LAYER_WEIGHTS = "top_layer.params";
  /** The threshold of models written before it was tuned: a word is an entity when "O" has under half its mass. */
  public static final double DEFAULT_ENTITY_THRESHOLD = 0.5;

  public NerModelConfig {
    entities = List.copyOf(entities);
    typeThresholds = Map.copyOf(typeThresholds);
    if (entities.isEmpty() || hiddenUnits <= 0 || featureWidth <= 0 || maxTokens <= 0) {
      throw new IllegalArgumentException("NER config needs entities and positive sizes");
    }
    if (words == null || features == null) {
      throw new IllegalArgumentException("NER config needs a word unit and a feature set");
    }
    if (featureWidth != features.width()) {
      throw new IllegalArgumentException("NER config feature_width " + featureWidth + " does not match features "
          + features.name().toLowerCase(java.util.Locale.ROOT) + " (" + features.width() + " wide)");
    }
    if (!(entityThreshold > 0 && entityThreshold < 1)) {
      throw new IllegalArgumentException("NER entity_threshold must be in (0, 1), not " + entityThreshold);
    }
    for (Map.Entry<String, Double> t : typeThresholds.entrySet()) {
      if (!entities.contains(t.getKey()) || !(t.getValue() > 0 && t.getValue() < 1)) {
        throw new IllegalArgumentException("NER entity_thresholds must name entities of the model with values in"
            + " (0, 1), not " + t.getKey() + ": " + t.getValue());
      }
    }
  }

  /** A config whose words are runs of letters and digits, as the PII NER model's. */
  public NerModelConfig(String encoder, String encoderSha256, int maxTokens, int windowStride, List<String> entities,
      int hiddenUnits, int featureWidth, double entityThreshold) {
    this(encoder, encoderSha256, maxTokens, windowStride, entities, hiddenUnits, featureWidth, entityThreshold,
        Words.ALPHANUMERIC_RUNS);
  }

  /** A config whose head sees the casing features only (models written before word lists were added). */
  public NerModelConfig(String encoder, String encoderSha256, int maxTokens, int windowStride, List<String> entities,
      int hiddenUnits, int featureWidth, double entityThreshold, Words words) {
    this(encoder, encoderSha256, maxTokens, windowStride, entities, hiddenUnits, featureWidth, entityThreshold, words,
        Features.CASING, Map.of(), false);
  }

  /** A config with one entity threshold for all types. */
  public NerModelConfig(String encoder, String encoderSha256, int maxTokens, int windowStride, List<String> entities,
      int hiddenUnits, int featureWidth, double entityThreshold, Words words, Features features) {
    this(encoder, encoderSha256, maxTokens, windowStride, entities, hiddenUnits, featureWidth, entityThreshold, words,
        features, Map.of(), false);
  }

  /** The same model decoded with another entity threshold, the same for all types. */
  public NerModelConfig withEntityThreshold(double threshold) {
    return new NerModelConfig(encoder, encoderSha256, maxTokens, windowStride, entities, hiddenUnits, featureWidth,
        threshold, words, features, Map.of(), topLayer);
  }

  /** The same model decoded with per-type thresholds overriding the entity threshold. */
  public NerModelConfig withTypeThresholds(Map<String, Double> thresholds) {
    return new NerModelConfig(encoder, encoderSha256, maxTokens, windowStride, entities, hiddenUnits, featureWidth,
        entityThreshold, words, features, thresholds, topLayer);
  }

  /** The same model with its own top encoder layer ({@link #TOP_LAYER_WEIGHTS}). */
  public NerModelConfig withTopLayer() {
    return new NerModelConfig(encoder, encoderSha256, maxTokens, windowStride, entities, hiddenUnits, featureWidth,
        entityThreshold, words, features, typeThresholds, true);
  }

  /** The threshold of each entity type, in {@link #entities} order. */
  public double[] thresholds() {
    return entities.stream().mapToDouble(e -> typeThresholds.getOrDefault(e, entityThreshold)).toArray();
  }

  public List<String> tags() {
    return NerLabels.tags(entities);
  }

  /** The encoder spec: the embedded model, pinned, windowed as in training. */
  public ModelSpec encoderSpec(String device) {
    return ModelSpec.embedded(encoder).withSha256(encoderSha256)
        .withWindowing(maxTokens, windowStride, 16384, 64).withDevice(device);
  }

  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    n.put("format", FORMAT);
    n.put("encoder", encoder);
    n.put("encoder_sha256", encoderSha256);
    n.put("max_tokens", maxTokens);
    n.put("window_stride", windowStride);
    entities.forEach(n.putArray("entities")::add);
    n.put("hidden_units", hiddenUnits);
    n.put("feature_width", featureWidth);
    n.put("entity_threshold", entityThreshold);
    n.put("words", words.name().toLowerCase(java.util.Locale.ROOT));
    n.put("features", features.name().toLowerCase(java.util.Locale.ROOT));
    if (!typeThresholds.isEmpty()) {
      ObjectNode t = n.putObject("entity_thresholds");
      entities.stream().filter(typeThresholds::containsKey).forEach(e -> t.put(e, typeThresholds.get(e)));
    }
    if (topLayer) {
      n.put("top_layer", true);
    }
    return n;
  }

  public static NerModelConfig fromJson(JsonNode n) {
    if (!FORMAT.equals(n.path("format").asText())) {
      throw new IllegalArgumentException("not a Sluice NER head config (format " + n.path("format").asText() + ")");
    }
    List<String> entities = new ArrayList<>();
    n.path("entities").forEach(e -> entities.add(e.asText()));
    return new NerModelConfig(n.path("encoder").asText(), n.path("encoder_sha256").asText(null),
        n.path("max_tokens").asInt(), n.path("window_stride").asInt(), entities, n.path("hidden_units").asInt(),
        n.path("feature_width").asInt(), n.path("entity_threshold").asDouble(DEFAULT_ENTITY_THRESHOLD),
        words(n.path("words").asText("alphanumeric_runs")), Features.named(n.path("features").asText("casing")),
        typeThresholds(n.path("entity_thresholds")), n.path("top_layer").asBoolean(false));
  }

  private static Map<String, Double> typeThresholds(JsonNode n) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
    return out;
  }

  private static Words words(String name) {
    try {
      return Words.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NER config \"words\" must be alphanumeric_runs or whitespace_chunks, not "
          + name, e);
    }
  }
}
