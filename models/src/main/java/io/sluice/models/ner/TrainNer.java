package io.sluice.models.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.models.ModelLoader;
import io.sluice.models.eval.EvaluationResult;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.eval.SkipWords;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.weights.WeightDigest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the PII NER head and writes a model directory (config.json, labels.json, head.params, metrics.json,
 * MODEL_CARD.md):
 *
 * <pre>TrainNer --data /work/shared/data --out DIR [--seed 13] [--epochs 15] [--generated 2000] [--wikigold 500]
 *     [--sec 150] [--resumes 12] [--threads 1]</pre>
 *
 * Data: WNUT-17 train, seeded samples of wikigold, SEC filings and the CVs, and documents generated with the
 * seed. Held out for the card's metrics: WNUT-17 dev and documents generated with a different seed.
 */
public final class TrainNer {
  static final String ENCODER = EmbeddedModel.ALL_MINILM_L6_V2.id();
  static final int MAX_TOKENS = 256;
  static final int WINDOW_STRIDE = 64;
  static final int HIDDEN_UNITS = 256;
  static final long DEV_SEED_OFFSET = 1_000_003L;
  static final int DEV_DOCUMENTS = 400;

  private TrainNer() {}

  public static void main(String[] args) throws Exception {
    Arguments a = Arguments.parse(args);
    // one PyTorch thread by default: on a CPU shared with other jobs, intra-op thread pools spend most of their
    // time waiting for descheduled peers (measured: a training epoch 40x slower with 2 threads than with 1)
    System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(a.threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    long started = System.nanoTime();
    Path out = a.out;
    Files.createDirectories(out);
    String sha = WeightDigest.sha256(EmbeddedModel.ALL_MINILM_L6_V2.onnxBytes());
    NerModelConfig config = new NerModelConfig(ENCODER, sha, MAX_TOKENS, WINDOW_STRIDE, NerLabels.ENTITIES,
        HIDDEN_UNITS, TokenFeatures.WIDTH);
    Map<String, Integer> sources = new LinkedHashMap<>();
    List<GoldDocument> train = trainingDocuments(a, sources);
    log("training documents: " + sources);
    try (EncoderModel encoder = ModelLoader.loadEncoder(config.encoderSpec("cpu"), 0)) {
      NerTrainer trainer = new NerTrainer(encoder, config,
          new NerTrainer.Settings(a.epochs, 256, 1e-3f, 2.0f, a.seed));
      NerTrainer.Cache cache = trainer.featurize(train, TrainNer::log);
      log("cached " + cache.tokens() + " token rows");
      try (OutputStream w = Files.newOutputStream(out.resolve(NerModel.WEIGHTS))) {
        trainer.train(cache, w, TrainNer::log);
      }
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(out.resolve(NerModel.CONFIG).toFile(), config.toJson(json));
    json.writeValue(out.resolve(NerModel.LABELS).toFile(), config.tags());
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    log(String.format(java.util.Locale.ROOT, "trained in %.0f s; evaluating", trainSeconds));

    SkipWords skip = a.skipWords != null ? SkipWords.read(a.skipWords) : SkipWords.none();
    Map<String, EvaluationResult> metrics = evaluate(out, a.data, a.seed, skip);
    json.writeValue(out.resolve("metrics.json").toFile(), ModelCard.metricsJson(json, metrics));
    Files.writeString(out.resolve(NerModel.CARD), ModelCard.render(config, a.commandLine(), sources, metrics,
        trainSeconds, a.skipWords != null));
    log(String.format(java.util.Locale.ROOT, "done in %.0f s: %s", (System.nanoTime() - started) / 1e9, out));
  }

  /** The held-out evaluations of the card: generated documents of another seed, and WNUT-17 dev. */
  static Map<String, EvaluationResult> evaluate(Path modelDir, Path data, long seed, SkipWords skip)
      throws IOException {
    Map<String, EvaluationResult> metrics = new LinkedHashMap<>();
    try (NerModel model = NerModel.loadDirectory(modelDir, "cpu", 0)) {
      List<GoldDocument> dev = new TrainingDocumentGenerator(seed + DEV_SEED_OFFSET).generate(DEV_DOCUMENTS, "dev-");
      metrics.put("generated-dev", NerEvaluation.evaluate(model, dev, Set.copyOf(NerLabels.ENTITIES), skip));
      metrics.put("wnut17-dev", NerEvaluation.evaluate(model, PublicNerData.wnutDev(data),
          Set.of("PERSON", "LOCATION", "ORGANIZATION"), skip));
    }
    metrics.forEach((name, r) -> log(name + "\n" + r.toTable()));
    return metrics;
  }

  static List<GoldDocument> trainingDocuments(Arguments a, Map<String, Integer> sources) throws IOException {
    List<GoldDocument> docs = new ArrayList<>();
    add(docs, sources, "wnut17_train", sample(PublicNerData.wnutTrain(a.data), a.wnut, a.seed));
    add(docs, sources, "wikigold", sample(PublicNerData.wikigold(a.data), a.wikigold, a.seed));
    add(docs, sources, "sec_fin5", sample(PublicNerData.secFilings(a.data), a.sec, a.seed));
    add(docs, sources, "dotin_resumes", sample(PublicNerData.resumes(a.data), a.resumes, a.seed));
    add(docs, sources, "generated", new TrainingDocumentGenerator(a.seed).generate(a.generated, "gen-"));
    Collections.shuffle(docs, new Random(a.seed));
    return docs;
  }

  /** A seeded sample: the encoder pass over every public sentence would not fit a shared 2-core CPU's budget. */
  private static List<GoldDocument> sample(List<GoldDocument> all, int n, long seed) {
    List<GoldDocument> copy = new ArrayList<>(all);
    Collections.shuffle(copy, new Random(seed));
    return copy.subList(0, Math.min(n, copy.size()));
  }

  private static void add(List<GoldDocument> docs, Map<String, Integer> sources, String name, List<GoldDocument> d) {
    docs.addAll(d);
    sources.put(name, d.size());
  }

  static void log(String message) {
    System.err.println("[train-ner] " + message);
  }

  /** Command-line options; unknown or malformed options are errors that say what to write instead. */
  static final class Arguments {
    Path data;
    Path out;
    Path skipWords;
    long seed = 13;
    int epochs = 15;
    int generated = 2000;
    int wnut = Integer.MAX_VALUE;
    int wikigold = 500;
    int sec = 150;
    int resumes = 12;
    int threads = 1;

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw usage("option " + name + " needs a value");
        }
        String value = args[++i];
        try {
          switch (name) {
            case "--data" -> a.data = Path.of(value);
            case "--out" -> a.out = Path.of(value);
            case "--seed" -> a.seed = Long.parseLong(value);
            case "--epochs" -> a.epochs = Integer.parseInt(value);
            case "--generated" -> a.generated = Integer.parseInt(value);
            case "--resumes" -> a.resumes = Integer.parseInt(value);
            case "--wnut" -> a.wnut = Integer.parseInt(value);
            case "--wikigold" -> a.wikigold = Integer.parseInt(value);
            case "--sec" -> a.sec = Integer.parseInt(value);
            case "--threads" -> a.threads = Integer.parseInt(value);
            case "--skip-words" -> a.skipWords = Path.of(value);
            default -> throw usage("unknown option " + name);
          }
        } catch (NumberFormatException e) {
          throw usage("option " + name + " needs a number");
        }
      }
      if (a.data == null || a.out == null) {
        throw usage("--data and --out are required");
      }
      if (a.skipWords == null && Files.isRegularFile(a.data.resolve("eval/skip_words_en.json"))) {
        a.skipWords = a.data.resolve("eval/skip_words_en.json");
      }
      return a;
    }

    String commandLine() {
      return "TrainNer --data " + data + " --out " + out + " --seed " + seed + " --epochs " + epochs
          + " --generated " + generated + (wnut == Integer.MAX_VALUE ? "" : " --wnut " + wnut) + " --wikigold " + wikigold + " --sec " + sec + " --resumes " + resumes
          + " --threads " + threads;
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(problem + "; usage: TrainNer --data DIR --out DIR [--seed N] [--epochs N]"
          + " [--generated N] [--wnut N] [--wikigold N] [--sec N] [--resumes N] [--threads N] [--skip-words FILE]");
    }
  }
}
