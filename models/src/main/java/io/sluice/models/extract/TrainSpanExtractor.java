package io.sluice.models.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.models.ModelLoader;
import io.sluice.models.cli.OptionPairs;
import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.ner.EncodedCorpus;
import io.sluice.models.ner.NerModel;
import io.sluice.models.ner.NerModelConfig;
import io.sluice.models.ner.NerTrainer;
import io.sluice.models.ner.TokenFeatures;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.ModelCache;
import io.sluice.models.weights.WeightDigest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a span-extraction model for a record schema from labelled documents and writes its directory (see
 * {@link SpanFieldExtractor}), holding out a seeded dev split that it never trains on and scores at the end:
 *
 * <pre>TrainSpanExtractor --schema FILE.avsc --data FILE.jsonl --out DIR [--format jsonl|sroie]
 *     [--dev-fraction 0.15] [--seed 13] [--epochs 20] [--threads 1] [--cache DIR]</pre>
 *
 * The head is the PII NER tagging head (a two-layer MLP over each token's frozen encoder state and casing
 * features) with one B-/I- tag pair per schema field, trained by {@link NerTrainer} on encoder states computed
 * once per document ({@link EncodedCorpus}; {@code --cache} keeps them on disk between runs). Gold values are
 * strings: {@link ValueLocator} finds them in the text (every exact occurrence is labelled, e.g. a total printed
 * twice), and the values it cannot find are counted and reported, and leave their field unlabelled in that
 * document.
 */
public final class TrainSpanExtractor {
  static final String ENCODER = EmbeddedModel.ALL_MINILM_L6_V2.id();
  /** Receipts run to 300-500 tokens: 512-token windows see most of one at once (header, items and totals). */
  static final int MAX_TOKENS = 512;
  static final int WINDOW_STRIDE = 128;
  static final int HIDDEN_UNITS = 256;

  /** Optimisation settings; the defaults are the shipped SROIE model's. */
  public record Settings(int epochs, float learningRate, float fieldWeight, long seed) {
    public static Settings defaults(long seed) {
      return new Settings(20, 1e-3f, 2.0f, seed);
    }

    public Settings withEpochs(int n) {
      return new Settings(n, learningRate, fieldWeight, seed);
    }
  }

  /** Per field, how many gold values each locating strategy found (NONE: not found, not labelled). */
  public record Located(Map<String, Map<ValueLocator.Strategy, Integer>> counts) {
    public int count(String field, ValueLocator.Strategy strategy) {
      return counts.getOrDefault(field, Map.of()).getOrDefault(strategy, 0);
    }
  }

  /** What a training run did: each epoch's mean loss and how the gold values were located. */
  public record Result(List<Float> epochLosses, Located located, int documents, int tokens) {}

  private TrainSpanExtractor() {}

  public static void main(String[] args) throws Exception {
    Arguments a = Arguments.parse(args);
    System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(a.threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    long started = System.nanoTime();
    SpanFields fields = SpanFields.read(a.schema);
    List<LabelledDocument> all = LabelledDocument.read(a.data, a.format);
    DevSplit split = DevSplit.of(all, a.devFraction, a.seed);
    List<LabelledDocument> dev = split.dev();
    List<LabelledDocument> train = split.train();
    log(all.size() + " documents: " + train.size() + " for training, " + dev.size() + " held out (seed " + a.seed
        + ")");
    Result result;
    double trainSeconds;
    ExtractionEvaluation metrics = null;
    // held across training and the dev evaluation, so both use one loaded encoder
    try (ModelCache.Lease<EncoderModel> held = ModelLoader.sharedEncoder(encoderConfig(fields).encoderSpec("cpu"), 0)) {
      result = train(a.schema, train, a.out, Settings.defaults(a.seed).withEpochs(a.epochs), a.cache,
          TrainSpanExtractor::log);
      trainSeconds = (System.nanoTime() - started) / 1e9;
      if (!dev.isEmpty()) {
        try (SpanFieldExtractor extractor = SpanFieldExtractor.open(a.out)) {
          metrics = ExtractionEvaluation.score(fields, dev,
              extractor.extract(dev.stream().map(LabelledDocument::text).toList()));
        }
      }
    }
    if (metrics != null) {
      log("dev split (" + dev.size() + " documents):\n" + metrics.toTable());
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      json.writeValue(a.out.resolve("metrics.json").toFile(), metrics.toJson());
    }
    Files.writeString(a.out.resolve(SpanModelCard.FILE), new SpanModelCard(fields, a, train.size(), dev.size(), result,
        metrics, trainSeconds).markdown());
    log(String.format(Locale.ROOT, "done in %.0f s: %s", (System.nanoTime() - started) / 1e9, a.out));
  }

  /**
   * Trains on {@code docs} and writes the model directory {@code out}: head.params, config.json, labels.json and
   * the schema (copied as {@value SpanFieldExtractor#SCHEMA}).
   */
  public static Result train(Path schemaFile, List<LabelledDocument> docs, Path out, Settings settings, Path cache,
      Consumer<String> log) throws IOException {
    SpanFields fields = SpanFields.read(schemaFile);
    Files.createDirectories(out);
    NerModelConfig config = encoderConfig(fields);
    Map<String, Map<ValueLocator.Strategy, Integer>> counts = new LinkedHashMap<>();
    List<GoldDocument> gold = new ArrayList<>();
    for (LabelledDocument d : docs) {
      gold.add(new GoldDocument(d.id(), d.text(), spans(d, fields, counts)));
    }
    log.accept("gold values located: " + counts);
    List<Float> losses;
    int tokens;
    // the shared encoder: a model opened on the result in this JVM (the dev evaluation) reuses it while it is held
    try (ModelCache.Lease<EncoderModel> lease = ModelLoader.sharedEncoder(config.encoderSpec("cpu"), 0)) {
      EncoderModel encoder = lease.get();
      NerTrainer trainer = new NerTrainer(encoder, config, new NerTrainer.Settings(settings.epochs(), 256,
          settings.learningRate(), settings.fieldWeight(), settings.seed()));
      List<NerTrainer.Example> examples = new ArrayList<>();
      for (EncodedCorpus.Document d : EncodedCorpus.encode(encoder, config, gold, cache, log)) {
        examples.add(new NerTrainer.Example(d, false));
      }
      NerTrainer.Cache rows = trainer.featurize(examples);
      tokens = rows.tokens();
      log.accept("training on " + tokens + " token rows of " + docs.size() + " documents");
      try (OutputStream w = Files.newOutputStream(out.resolve(NerModel.WEIGHTS))) {
        losses = trainer.train(rows, w, log);
      }
    }
    NerModel.writeConfig(out, config);
    Files.copy(schemaFile, out.resolve(SpanFieldExtractor.SCHEMA), StandardCopyOption.REPLACE_EXISTING);
    return new Result(losses, new Located(counts), docs.size(), tokens);
  }

  /** The head's config: the embedded encoder pinned by sha256, one tag pair per field, values as whitespace chunks. */
  static NerModelConfig encoderConfig(SpanFields fields) throws IOException {
    return new NerModelConfig(ENCODER, WeightDigest.sha256(EmbeddedModel.ALL_MINILM_L6_V2.onnxBytes()), MAX_TOKENS,
        WINDOW_STRIDE, fields.names(), HIDDEN_UNITS, TokenFeatures.WIDTH, NerModelConfig.DEFAULT_ENTITY_THRESHOLD,
        NerModelConfig.Words.WHITESPACE_CHUNKS);
  }

  /** The document's gold values located in its text, as spans typed by field; counts how each was found. */
  private static List<EntitySpan> spans(LabelledDocument d, SpanFields fields,
      Map<String, Map<ValueLocator.Strategy, Integer>> counts) {
    List<EntitySpan> out = new ArrayList<>();
    for (String field : fields.names()) {
      String value = d.fields().get(field);
      if (value == null || value.isBlank()) {
        continue;
      }
      ValueLocator.Located found = ValueLocator.locate(d.text(), value);
      counts.computeIfAbsent(field, f -> new EnumMap<>(ValueLocator.Strategy.class))
          .merge(found.strategy(), 1, Integer::sum);
      for (int[] s : found.spans()) {
        if (out.stream().noneMatch(o -> o.start() < s[1] && s[0] < o.end())) {
          out.add(new EntitySpan(field, s[0], s[1]));
        }
      }
    }
    return out;
  }

  static void log(String message) {
    System.err.println("[train-extract] " + message);
  }

  /** Command-line options; unknown or malformed options are errors that say what to write instead. */
  static final class Arguments {
    Path schema;
    Path data;
    Path out;
    Path cache;
    LabelledDocument.Format format = LabelledDocument.Format.JSONL;
    double devFraction = 0.15;
    long seed = 13;
    int epochs = Settings.defaults(13).epochs();
    int threads = 1;

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      OptionPairs.apply(args, (name, value) -> {
        switch (name) {
          case "--schema" -> a.schema = Path.of(value);
          case "--data" -> a.data = Path.of(value);
          case "--out" -> a.out = Path.of(value);
          case "--cache" -> a.cache = Path.of(value);
          case "--format" -> a.format = format(value);
          case "--dev-fraction" -> a.devFraction = Double.parseDouble(value);
          case "--seed" -> a.seed = Long.parseLong(value);
          case "--epochs" -> a.epochs = Integer.parseInt(value);
          case "--threads" -> a.threads = Integer.parseInt(value);
          default -> {
            return false;
          }
        }
        return true;
      }, Arguments::usage);
      if (a.schema == null || a.data == null || a.out == null) {
        throw usage("--schema, --data and --out are required");
      }
      if (!(a.devFraction >= 0 && a.devFraction < 1) || a.epochs <= 0 || a.threads <= 0) {
        throw usage("--dev-fraction must be in [0, 1), --epochs and --threads positive");
      }
      return a;
    }

    private static LabelledDocument.Format format(String value) {
      try {
        return LabelledDocument.Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw usage("--format must be jsonl or sroie, not " + value);
      }
    }

    String commandLine() {
      return "sluice train extract --schema " + schema + " --data " + data + " --format "
          + format.name().toLowerCase(Locale.ROOT) + " --out " + out + " --dev-fraction " + devFraction + " --seed "
          + seed + " --epochs " + epochs;
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(problem + "; usage: sluice train extract --schema FILE.avsc --data FILE"
          + " --out DIR [--format jsonl|sroie] [--dev-fraction F] [--seed N] [--epochs N] [--threads N] [--cache DIR]");
    }
  }
}
