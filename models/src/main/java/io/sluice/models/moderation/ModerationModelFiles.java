package io.sluice.models.moderation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.weights.SafetensorsWriter;
import io.sluice.models.weights.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A moderation model directory: the head's weights and what is needed to run them on a named embedded encoder.
 * <pre>
 *   config.json        {"format": "sluice-moderation-head", "encoder": "all-minilm-l6-v2", "pooling": "mean",
 *                       "input_size": 384, "hidden_size": 256, "lexical_buckets": 65536,
 *                       "max_tokens": 128, "window_stride": 32}
 *   labels.json        category names, index = output column
 *   thresholds.json    {"toxicity": 0.41, ...} chosen on the tuning split
 *   head.safetensors   hidden.weight/bias, out.weight/bias, lexical.weight and lexical.idf (see ModerationHead
 *                      and LexicalFeatures; absent with lexical_buckets 0)
 *   metrics.json, MODEL_CARD.md
 * </pre>
 * The encoder's own weights are not copied (they are on the classpath already), which keeps the directory small.
 */
public record ModerationModelFiles(Config config, List<String> labels, Map<String, Float> thresholds,
    Map<String, Tensor> weights) {
  public static final String FORMAT = "sluice-moderation-head";
  public static final String EMBEDDED_RESOURCE = "/io/sluice/models/embedded/moderation/";
  static final String CONFIG = "config.json";
  static final String LABELS = "labels.json";
  static final String THRESHOLDS = "thresholds.json";
  static final String WEIGHTS = "head.safetensors";
  static final String METRICS = "metrics.json";
  static final String CARD = "MODEL_CARD.md";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public record Config(String encoder, String pooling, int inputSize, int hiddenSize, int lexicalBuckets,
      int maxTokens, int windowStride) {}

  /** Name of the idf vector of the lexical features in head.safetensors. */
  static final String LEXICAL_IDF = "lexical.idf";

  public interface Source {
    byte[] read(String name) throws IOException;
  }

  public static ModerationModelFiles read(Path dir) throws IOException {
    return read(name -> Files.readAllBytes(dir.resolve(name)));
  }

  /** The model shipped on the classpath (trained by TrainModeration, see its MODEL_CARD.md). */
  public static ModerationModelFiles embedded() throws IOException {
    return read(name -> {
      try (InputStream in = ModerationModelFiles.class.getResourceAsStream(EMBEDDED_RESOURCE + name)) {
        if (in == null) {
          throw new IOException("embedded moderation model lacks " + name);
        }
        return in.readAllBytes();
      }
    });
  }

  public static ModerationModelFiles read(Source source) throws IOException {
    JsonNode c = JSON.readTree(source.read(CONFIG));
    if (!FORMAT.equals(c.path("format").asText())) {
      throw new IOException("not a moderation head directory: config.json format is not " + FORMAT);
    }
    Config config = new Config(c.path("encoder").asText(), c.path("pooling").asText("mean"),
        c.path("input_size").asInt(), c.path("hidden_size").asInt(), c.path("lexical_buckets").asInt(0),
        c.path("max_tokens").asInt(256),
        c.path("window_stride").asInt(64));
    List<String> labels = List.of(JSON.readValue(source.read(LABELS), String[].class));
    Map<String, Float> thresholds = new LinkedHashMap<>();
    JSON.readTree(source.read(THRESHOLDS)).fields()
        .forEachRemaining(e -> thresholds.put(e.getKey(), (float) e.getValue().asDouble()));
    return new ModerationModelFiles(config, labels, thresholds, decode(source.read(WEIGHTS)));
  }

  public void write(Path dir, JsonNode metrics, String modelCard) throws IOException {
    Files.createDirectories(dir);
    ObjectNode c = JSON.createObjectNode();
    c.put("format", FORMAT);
    c.put("encoder", config.encoder());
    c.put("pooling", config.pooling());
    c.put("input_size", config.inputSize());
    c.put("hidden_size", config.hiddenSize());
    c.put("lexical_buckets", config.lexicalBuckets());
    c.put("max_tokens", config.maxTokens());
    c.put("window_stride", config.windowStride());
    JSON.writeValue(dir.resolve(CONFIG).toFile(), c);
    JSON.writeValue(dir.resolve(LABELS).toFile(), labels);
    JSON.writeValue(dir.resolve(THRESHOLDS).toFile(), thresholds);
    JSON.writeValue(dir.resolve(METRICS).toFile(), metrics);
    SafetensorsWriter.write(dir.resolve(WEIGHTS), weights.values());
    Files.writeString(dir.resolve(CARD), modelCard);
  }

  /** Thresholds in {@link ModerationCategory} order; categories the file lacks get 0.5. */
  public float[] thresholdArray() {
    float[] out = new float[ModerationCategory.count()];
    for (ModerationCategory c : ModerationCategory.values()) {
      out[c.ordinal()] = thresholds.getOrDefault(c.label(), 0.5f);
    }
    return out;
  }

  /** The lexical features the head was trained with, or null for a head without a lexical path. */
  public LexicalFeatures lexicalFeatures() {
    if (config.lexicalBuckets() == 0) {
      return null;
    }
    Tensor idf = weights.get(LEXICAL_IDF);
    if (idf == null || idf.data().length != config.lexicalBuckets()) {
      throw new IllegalArgumentException("moderation head lacks " + LEXICAL_IDF + " of " + config.lexicalBuckets()
          + " buckets");
    }
    return new LexicalFeatures(idf.data());
  }

  private static Map<String, Tensor> decode(byte[] safetensors) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
      NDList list = NDList.decode(manager, safetensors);
      List<NDArray> arrays = new ArrayList<>(list);
      for (NDArray a : arrays) {
        out.put(a.getName(), new Tensor(a.getName(), a.getShape().getShape(),
            a.toType(DataType.FLOAT32, false).toFloatArray()));
      }
    }
    return out;
  }
}
