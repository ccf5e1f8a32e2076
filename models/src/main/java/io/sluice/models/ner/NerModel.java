package io.sluice.models.ner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.ModelLoader;
import io.sluice.models.encoder.ReplacementLayer;
import io.sluice.models.heads.LabeledSpan;
import io.sluice.models.runtime.DeviceChoice;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.ModelCache;
import io.sluice.models.runtime.TokenOutputs;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained PII NER model: the shared embedded encoder (through the per-JVM {@link ModelCache}) plus our
 * tagging head, and optionally our own fine-tuned copy of the encoder's top layer, which then runs on the
 * shared encoder's lower layers (other users of the encoder keep its original top layer). {@link #predict} takes texts of any length (windows cover them fully) and returns entity spans
 * in code points. Thread-safe: the head's parameters are only read, each call works in its own NDManager.
 */
public final class NerModel implements AutoCloseable {
  /** Classpath folder of the model that ships with Sluice. */
  public static final String EMBEDDED_RESOURCE = "io/sluice/models/embedded/pii-ner/";
  static final String CONFIG = "config.json";
  static final String LABELS = "labels.json";
  public static final String WEIGHTS = "head.params";
  static final String CARD = "MODEL_CARD.md";

  private final NerModelConfig config;
  private final ModelCache.Lease<EncoderModel> encoder;
  private final NDManager manager;
  private final Block head;
  private final ReplacementLayer topLayer;
  private final WordSpanDecoder decoder;

  /** {@code topLayer}: the model's own top encoder layer, or null when it uses the shared encoder's. */
  NerModel(NerModelConfig config, ModelCache.Lease<EncoderModel> encoder, NDManager manager, Block head,
      ReplacementLayer topLayer) {
    this.config = config;
    this.encoder = encoder;
    this.manager = manager;
    this.head = head;
    this.topLayer = topLayer;
    this.decoder = new WordSpanDecoder(config.entities(), config.thresholds(), config.words());
  }

  /** The model shipped on the classpath. */
  public static NerModel loadEmbedded(String device, int workerIndex) throws IOException {
    return load(name -> {
      InputStream in = NerModel.class.getClassLoader().getResourceAsStream(EMBEDDED_RESOURCE + name);
      if (in == null) {
        throw new IOException("embedded NER model file " + name + " is not on the classpath");
      }
      return in;
    }, device, workerIndex);
  }

  /** A directory written by {@link TrainNer}. */
  public static NerModel loadDirectory(Path dir, String device, int workerIndex) throws IOException {
    return load(name -> {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IOException("NER model directory lacks " + name);
      }
      return Files.newInputStream(file);
    }, device, workerIndex);
  }

  /**
   * The shipped model (dir null) or a trained directory, loaded once per JVM and device and shared by all
   * threads; close the lease when done (e.g. in a DoFn's @Teardown).
   */
  public static ModelCache.Lease<NerModel> shared(Path dirOrNull, String device, int workerIndex) {
    Object key = List.of("pii-ner", dirOrNull == null ? "embedded" : dirOrNull.toAbsolutePath().toString(),
        DeviceChoice.resolve(device, workerIndex).toString());
    return ModelCache.shared().acquire(key, () -> {
      try {
        return dirOrNull == null ? loadEmbedded(device, workerIndex) : loadDirectory(dirOrNull, device, workerIndex);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("NER model could not be loaded", e);
      }
    });
  }

  /** Writes {@code config} (config.json) and its tag set (labels.json) into a model directory. */
  public static void writeConfig(Path dir, NerModelConfig config) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    json.writeValue(dir.resolve(CONFIG).toFile(), config.toJson(json));
    json.writeValue(dir.resolve(LABELS).toFile(), config.tags());
  }

  /** Opens one file of a model, wherever the model lives. */
  private interface ModelFiles {
    InputStream open(String name) throws IOException;
  }

  private static NerModel load(ModelFiles files, String device, int workerIndex) throws IOException {
    NerModelConfig config;
    try (InputStream in = files.open(CONFIG)) {
      config = NerModelConfig.fromJson(new ObjectMapper().readTree(in));
    }
    ModelCache.Lease<EncoderModel> lease = ModelLoader.sharedEncoder(config.encoderSpec(device), workerIndex);
    NDManager manager = lease.get().encoder().manager().newSubManager();
    try (InputStream in = files.open(WEIGHTS)) {
      Block head = NerHead.load(config, manager, lease.get().config().hiddenSize(), new DataInputStream(in));
      ReplacementLayer top = null;
      if (config.topLayer()) {
        try (InputStream layer = files.open(NerModelConfig.TOP_LAYER_WEIGHTS)) {
          top = NerTopLayer.load(lease.get(), manager, new DataInputStream(layer));
        }
      }
      return new NerModel(config, lease, manager, head, top);
    } catch (IOException | RuntimeException e) {
      manager.close();
      lease.close();
      throw e;
    }
  }

  public NerModelConfig config() {
    return config;
  }

  public List<String> entities() {
    return config.entities();
  }

  public EncoderModel encoder() {
    return encoder.get();
  }

  /** Per text, entity spans in code points, in text order. */
  public List<List<LabeledSpan>> predict(List<String> texts) {
    return decode(texts, tagProbabilities(texts), decoder);
  }

  /**
   * Per text, the spans decoded at the model's entity threshold and, from the same model pass, at a lower
   * {@code fallbackThreshold}: [0] = at the model's threshold, [1] = at the fallback.
   */
  public List<List<List<LabeledSpan>>> predictWithFallback(List<String> texts, double fallbackThreshold) {
    List<Tagged> tagged = tagProbabilities(texts);
    List<List<LabeledSpan>> main = decode(texts, tagged, decoder);
    List<List<LabeledSpan>> low =
        decode(texts, tagged, new WordSpanDecoder(config.entities(), fallbackThreshold, config.words()));
    List<List<List<LabeledSpan>>> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      out.add(List.of(main.get(t), low.get(t)));
    }
    return out;
  }

  /** One text's tokens (code-point spans) and their tag probabilities, before decoding. */
  record Tagged(int[] starts, int[] ends, float[][] probs) {}

  List<Tagged> tagProbabilities(List<String> texts) {
    List<TokenRows.Text> rows = TokenRows.of(texts, tokenStates(texts), config.features());
    List<float[][]> probs = probabilities(rows);
    List<Tagged> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      out.add(new Tagged(rows.get(t).starts(), rows.get(t).ends(), probs.get(t)));
    }
    return out;
  }

  /** Per text, the states the head reads: the shared encoder's last layer's, or the model's own top layer's. */
  private List<TokenOutputs> tokenStates(List<String> texts) {
    EncoderModel e = encoder.get();
    if (topLayer == null) {
      return e.tokenStates(texts);
    }
    return e.perToken(texts, e.config().numLayers() - 1, (hidden, mask) -> NerTopLayer.apply(topLayer, hidden, mask));
  }

  static List<List<LabeledSpan>> decode(List<String> texts, List<Tagged> tagged, WordSpanDecoder decoder) {
    List<List<LabeledSpan>> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      Tagged g = tagged.get(t);
      out.add(g.starts().length == 0 ? List.of() : decoder.decode(texts.get(t), g.starts(), g.ends(), g.probs()));
    }
    return out;
  }

  /** All tokens of all texts through the head in one call. */
  private List<float[][]> probabilities(List<TokenRows.Text> texts) {
    int total = texts.stream().mapToInt(TokenRows.Text::size).sum();
    List<float[][]> out = new ArrayList<>(texts.size());
    if (total == 0) {
      texts.forEach(t -> out.add(new float[0][]));
      return out;
    }
    int width = texts.stream().filter(t -> t.size() > 0).findFirst().orElseThrow().rows()[0].length;
    FloatBuffer flat = FloatBuffer.allocate(total * width);
    texts.forEach(t -> {
      for (float[] row : t.rows()) {
        flat.put(row);
      }
    });
    flat.flip();
    int tags = config.tags().size();
    float[] p;
    try (NDManager call = manager.newSubManager()) {
      NDArray x = call.create(flat, new Shape(total, width));
      NDArray logits = head.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow();
      p = logits.softmax(-1).toFloatArray();
    }
    int offset = 0;
    for (TokenRows.Text t : texts) {
      float[][] rows = new float[t.size()][tags];
      for (int i = 0; i < t.size(); i++) {
        System.arraycopy(p, (offset + i) * tags, rows[i], 0, tags);
      }
      offset += t.size();
      out.add(rows);
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
    encoder.close();
  }
}
