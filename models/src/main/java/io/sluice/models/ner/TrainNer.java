package io.sluice.models.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.models.ModelLoader;
import io.sluice.models.cli.OptionPairs;
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
 * <pre>TrainNer --data /work/shared/data --out DIR [--seed 13] [--epochs 6] [--generated 2000] [--wikigold 500]
 *     [--sec 150] [--resumes 12] [--threads 1] [--holdout 400] [--wnut-repeat 2] [--lower-copies 1] [--social 1500]
 *     [--cache DIR] [--features casing_and_names] [--list-dropout 0.5] [--layer-epochs 1] [--layer-lr 5e-5]</pre>
 *
 * Data: WNUT-17 train less a seeded hold-out, seeded samples of wikigold, SEC filings and the CVs, and documents
 * and social-media posts generated with the seed. The defaults are the shipped model's settings. Held out for
 * tuning the entity threshold: the WNUT-17 train hold-out and documents of a third seed; for the card's metrics:
 * WNUT-17 dev and documents generated with a different seed. {@code --cache} keeps encoder states on disk
 * between runs. With {@code --layer-epochs} above 0 the head is then fine-tuned together with the model's own
 * copy of the encoder's last layer ({@link TopLayerTrainer}); 0 trains the head alone.
 */
public final class TrainNer {
  static final String ENCODER = EmbeddedModel.ALL_MINILM_L6_V2.id();
  static final int MAX_TOKENS = 256;
  static final int WINDOW_STRIDE = 64;
  static final int HIDDEN_UNITS = 256;
  static final long DEV_SEED_OFFSET = 1_000_003L;
  static final int DEV_DOCUMENTS = 400;
  static final int DEFAULT_HOLDOUT = 400;
  static final int TUNING_DOCUMENTS = 150;
  static final Set<String> WNUT_TYPES = Set.of("PERSON", "LOCATION", "ORGANIZATION");

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
        HIDDEN_UNITS, a.features.width(), NerModelConfig.DEFAULT_ENTITY_THRESHOLD,
        NerModelConfig.Words.ALPHANUMERIC_RUNS, a.features);
    Map<String, Integer> sources = new LinkedHashMap<>();
    List<GoldDocument> holdout;
    try (EncoderModel encoder = ModelLoader.loadEncoder(config.encoderSpec("cpu"), 0)) {
      TrainingSet set = trainingSet(a, config, encoder);
      sources.putAll(set.sources());
      holdout = set.holdout();
      log("training documents: " + sources);
      NerTrainer trainer = new NerTrainer(encoder, config,
          new NerTrainer.Settings(a.epochs, 256, 1e-3f, 2.0f, a.seed));
      List<TopLayerTrainer.Variant> variants = set.examples().stream().map(TopLayerTrainer.Variant::of).toList();
      trainHead(trainer, set.examples(), out);
      if (a.layerEpochs > 0) {
        fineTuneTopLayer(a, config, encoder, variants, out);
        config = config.withTopLayer();
      }
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    NerModel.writeConfig(out, config);
    SkipWords skip = a.skipWords != null ? SkipWords.read(a.skipWords) : SkipWords.none();
    if (!holdout.isEmpty()) {
      ThresholdTuner.Thresholds tuned = tuneThresholds(out, holdout, a.seed, skip);
      config = config.withEntityThreshold(tuned.common()).withTypeThresholds(tuned.byType());
      NerModel.writeConfig(out, config);
    }
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    log(String.format(java.util.Locale.ROOT, "trained in %.0f s; entity threshold %.2f, by type %s; evaluating",
        trainSeconds, config.entityThreshold(), config.typeThresholds()));

    Map<String, EvaluationResult> metrics = evaluate(out, a.data, a.seed, holdout, skip);
    json.writeValue(out.resolve("metrics.json").toFile(), ModelCard.metricsJson(json, metrics));
    Files.writeString(out.resolve(NerModel.CARD), ModelCard.render(config, a.commandLine(), sources, metrics,
        trainSeconds, a.skipWords != null));
    log(String.format(java.util.Locale.ROOT, "done in %.0f s: %s", (System.nanoTime() - started) / 1e9, out));
  }

  /** The first phase: the head on the frozen encoder's last states, written to {@code out}. */
  private static void trainHead(NerTrainer trainer, List<NerTrainer.Example> examples, Path out) throws IOException {
    NerTrainer.Cache cache = trainer.featurize(examples);
    // the rows hold all the head needs: let the per-document encoder states go before training
    examples.clear();
    log("cached " + cache.tokens() + " token rows");
    try (OutputStream w = Files.newOutputStream(out.resolve(NerModel.WEIGHTS))) {
      trainer.train(cache, w, TrainNer::log);
    }
  }

  /**
   * The second phase ({@link TopLayerTrainer}): the model's own copy of the encoder's last layer and the head
   * of the first phase, fine-tuned together on the same variants; replaces the head's weights in {@code out}.
   */
  private static void fineTuneTopLayer(Arguments a, NerModelConfig config, EncoderModel encoder,
      List<TopLayerTrainer.Variant> variants, Path out) throws IOException {
    Map<GoldDocument, Boolean> seen = new java.util.IdentityHashMap<>();
    List<GoldDocument> documents = variants.stream().map(TopLayerTrainer.Variant::gold)
        .filter(d -> seen.put(d, Boolean.TRUE) == null).toList();
    List<EncodedCorpus.Windows> windows = EncodedCorpus.encodeWindows(encoder, config, documents, a.cache,
        TrainNer::log);
    TopLayerTrainer trainer = new TopLayerTrainer(config,
        new TopLayerTrainer.Settings(a.layerEpochs, a.layerLearningRate, 1024, 2.0f, a.seed));
    byte[] head = Files.readAllBytes(out.resolve(NerModel.WEIGHTS));
    try (OutputStream headOut = Files.newOutputStream(out.resolve(NerModel.WEIGHTS));
        OutputStream layerOut = Files.newOutputStream(out.resolve(NerModelConfig.TOP_LAYER_WEIGHTS))) {
      trainer.train(encoder, variants, windows, new java.io.ByteArrayInputStream(head), headOut, layerOut,
          TrainNer::log);
    }
  }

  /**
   * The held-out evaluations of the card: generated documents of another seed, WNUT-17 dev, and the WNUT-17
   * train sentences held out for tuning (when any).
   */
  static Map<String, EvaluationResult> evaluate(Path modelDir, Path data, long seed, List<GoldDocument> holdout,
      SkipWords skip) throws IOException {
    Map<String, EvaluationResult> metrics = new LinkedHashMap<>();
    try (NerModel model = NerModel.loadDirectory(modelDir, "cpu", 0)) {
      List<GoldDocument> dev = new TrainingDocumentGenerator(seed + DEV_SEED_OFFSET).generate(DEV_DOCUMENTS, "dev-");
      metrics.put("generated-dev", NerEvaluation.evaluate(model, dev, Set.copyOf(NerLabels.ENTITIES), skip));
      metrics.put("wnut17-dev", NerEvaluation.evaluate(model, PublicNerData.wnutDev(data),
          WNUT_TYPES, skip));
      if (!holdout.isEmpty()) {
        metrics.put("wnut17-train-holdout", NerEvaluation.evaluate(model, holdout,
            WNUT_TYPES, skip));
      }
    }
    metrics.forEach((name, r) -> log(name + "\n" + r.toTable()));
    return metrics;
  }

  /** The entity thresholds, tuned on the WNUT-17 hold-out and on generated documents of a third seed. */
  private static ThresholdTuner.Thresholds tuneThresholds(Path modelDir, List<GoldDocument> holdout, long seed,
      SkipWords skip)
      throws IOException {
    List<GoldDocument> generated =
        new TrainingDocumentGenerator(seed + 2 * DEV_SEED_OFFSET).generate(TUNING_DOCUMENTS, "tune-");
    try (NerModel model = NerModel.loadDirectory(modelDir, "cpu", 0)) {
      return ThresholdTuner.tune(model, List.of(
          new ThresholdTuner.TuningSet("wnut17-train-holdout", holdout, WNUT_TYPES),
          new ThresholdTuner.TuningSet("generated-tune", generated, Set.copyOf(NerLabels.ENTITIES))), skip,
          TrainNer::log);
    }
  }

  /** What a run trains on: its examples, the documents per source, and the WNUT-17 sentences held out. */
  record TrainingSet(List<NerTrainer.Example> examples, Map<String, Integer> sources, List<GoldDocument> holdout) {}

  /**
   * WNUT-17 train (less a seeded hold-out for tuning, repeated --wnut-repeat times), seeded samples of the other
   * public sources, generated documents and social-media posts; the public sentences also get lower-case copies (share
   * --lower-copies), since the generator already writes its own lower-case documents.
   */
  static TrainingSet trainingSet(Arguments a, NerModelConfig config, EncoderModel encoder) throws IOException {
    Map<String, Integer> sources = new LinkedHashMap<>();
    List<GoldDocument> holdout = wnutHoldout(a.data, a.seed, a.holdout);
    List<GoldDocument> wnutSample = sample(PublicNerData.wnutTrain(a.data), a.wnut, a.seed);
    List<EncodedCorpus.Document> wnutTrain =
        encoded(a, config, encoder, wnutSample.subList(Math.min(holdout.size(), wnutSample.size()), wnutSample.size()));
    List<EncodedCorpus.Document> publicDocs = new ArrayList<>();
    for (int r = 0; r < a.wnutRepeat; r++) {
      publicDocs.addAll(wnutTrain);
    }
    sources.put("wnut17_train", wnutTrain.size());
    publicDocs.addAll(source(a, config, encoder, sources, "wikigold", PublicNerData.wikigold(a.data), a.wikigold));
    publicDocs.addAll(source(a, config, encoder, sources, "sec_fin5", PublicNerData.secFilings(a.data), a.sec));
    publicDocs.addAll(source(a, config, encoder, sources, "dotin_resumes", PublicNerData.resumes(a.data), a.resumes));
    List<GoldDocument> generated = new TrainingDocumentGenerator(a.seed).generate(a.generated, "gen-");
    sources.put("generated", generated.size());
    Random random = new Random(a.seed);
    List<NerTrainer.Example> examples = new ArrayList<>();
    for (EncodedCorpus.Document d : publicDocs) {
      examples.add(new NerTrainer.Example(d, false));
      if (random.nextDouble() < a.lowerCopies) {
        examples.add(new NerTrainer.Example(d, true));
      }
    }
    List<GoldDocument> social = new SocialPostGenerator(a.seed).generate(a.social, "social-");
    if (!social.isEmpty()) {
      sources.put("generated_social", social.size());
    }
    for (List<GoldDocument> docs : List.of(generated, social)) {
      for (EncodedCorpus.Document d : encoded(a, config, encoder, docs)) {
        examples.add(new NerTrainer.Example(d, false, a.listDropout > 0 && random.nextDouble() < a.listDropout));
      }
    }
    Collections.shuffle(examples, random);
    return new TrainingSet(examples, sources, holdout);
  }

  private static List<EncodedCorpus.Document> source(Arguments a, NerModelConfig config, EncoderModel encoder,
      Map<String, Integer> sources, String name, List<GoldDocument> all, int n) throws IOException {
    List<GoldDocument> docs = sample(all, n, a.seed);
    sources.put(name, docs.size());
    return encoded(a, config, encoder, docs);
  }

  private static List<EncodedCorpus.Document> encoded(Arguments a, NerModelConfig config, EncoderModel encoder,
      List<GoldDocument> docs) throws IOException {
    return EncodedCorpus.encode(encoder, config, docs, a.cache, TrainNer::log);
  }

  /** The first {@code n} WNUT-17 train sentences in the seed's order: held out for tuning, never trained on. */
  static List<GoldDocument> wnutHoldout(Path data, long seed, int n) throws IOException {
    return sample(PublicNerData.wnutTrain(data), n, seed);
  }

  /** A seeded sample: the encoder pass over every public sentence would not fit a shared 2-core CPU's budget. */
  private static List<GoldDocument> sample(List<GoldDocument> all, int n, long seed) {
    List<GoldDocument> copy = new ArrayList<>(all);
    Collections.shuffle(copy, new Random(seed));
    return copy.subList(0, Math.min(n, copy.size()));
  }

  static void log(String message) {
    System.err.println("[train-ner] " + message);
  }

  /** Command-line options; unknown or malformed options are errors that say what to write instead. */
  static final class Arguments {
    Path data;
    Path out;
    Path skipWords;
    Path cache;
    long seed = 13;
    int epochs = 6;
    int generated = 2000;
    int wnut = Integer.MAX_VALUE;
    int wikigold = 500;
    int sec = 150;
    int resumes = 12;
    int threads = 1;
    int holdout = DEFAULT_HOLDOUT;
    int wnutRepeat = 2;
    double lowerCopies = 1;
    int social = 1500;
    NerModelConfig.Features features = NerModelConfig.Features.CASING_AND_NAMES;
    double listDropout = 0.5;
    int layerEpochs = 1;
    float layerLearningRate = 5e-5f;

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      OptionPairs.apply(args, (name, value) -> {
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
          case "--cache" -> a.cache = Path.of(value);
          case "--holdout" -> a.holdout = Integer.parseInt(value);
          case "--wnut-repeat" -> a.wnutRepeat = Integer.parseInt(value);
          case "--lower-copies" -> a.lowerCopies = Double.parseDouble(value);
          case "--social" -> a.social = Integer.parseInt(value);
          case "--features" -> a.features = NerModelConfig.Features.named(value);
          case "--list-dropout" -> a.listDropout = Double.parseDouble(value);
          case "--layer-epochs" -> a.layerEpochs = Integer.parseInt(value);
          case "--layer-lr" -> a.layerLearningRate = Float.parseFloat(value);
          default -> {
            return false;
          }
        }
        return true;
      }, Arguments::usage);
      if (a.data == null || a.out == null) {
        throw usage("--data and --out are required");
      }
      if (a.holdout < 0 || a.social < 0 || a.wnutRepeat < 1 || a.lowerCopies < 0 || a.lowerCopies > 1
          || a.listDropout < 0 || a.listDropout > 1 || a.layerEpochs < 0 || !(a.layerLearningRate > 0)) {
        throw usage("--holdout, --social and --layer-epochs must be >= 0, --wnut-repeat >= 1, --lower-copies and"
            + " --list-dropout in [0, 1], --layer-lr > 0");
      }
      if (a.skipWords == null && Files.isRegularFile(a.data.resolve("eval/skip_words_en.json"))) {
        a.skipWords = a.data.resolve("eval/skip_words_en.json");
      }
      return a;
    }

    String commandLine() {
      return "TrainNer --data " + data + " --out " + out + " --seed " + seed + " --epochs " + epochs
          + " --generated " + generated + (wnut == Integer.MAX_VALUE ? "" : " --wnut " + wnut) + " --wikigold " + wikigold + " --sec " + sec + " --resumes " + resumes
          + " --threads " + threads + " --holdout " + holdout + " --wnut-repeat " + wnutRepeat
          + " --lower-copies " + lowerCopies + " --social " + social
          + " --features " + features.name().toLowerCase(java.util.Locale.ROOT) + " --list-dropout " + listDropout
          + (layerEpochs == 0 ? "" : " --layer-epochs " + layerEpochs + " --layer-lr " + layerLearningRate);
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(problem + "; usage: TrainNer --data DIR --out DIR [--seed N] [--epochs N]"
          + " [--generated N] [--wnut N] [--wikigold N] [--sec N] [--resumes N] [--threads N] [--skip-words FILE]"
          + " [--cache DIR] [--holdout N] [--wnut-repeat N] [--lower-copies SHARE] [--social N]"
          + " [--features casing|casing_and_gazetteer|casing_and_names] [--list-dropout SHARE] [--layer-epochs N]"
          + " [--layer-lr RATE]");
    }


  }
}
