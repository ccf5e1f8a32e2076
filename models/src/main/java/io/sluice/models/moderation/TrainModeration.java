package io.sluice.models.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.ModelLoader;
import io.sluice.models.ModelSpec;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.weights.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the moderation head and writes a model directory (see {@link ModerationModelFiles}):
 * {@code TrainModeration --data DIR --out DIR [--seed N] [--cache DIR] [--epochs N] [--lr X]}.
 * Assembles the data ({@link ModerationDataset}), encodes every text once with the frozen embedded encoder
 * (cached), fits the lexical features' idf on the training texts, trains the head, picks per-category
 * thresholds on the tuning split ({@link ModerationThresholds}) and writes the card with counts, the command and
 * the dev metrics. Logs counts and progress only, never text.
 */
public final class TrainModeration {
  private static final Logger LOG = LoggerFactory.getLogger(TrainModeration.class);
  static final String ENCODER = "all-minilm-l6-v2";
  /** Training texts are encoded in windows this long; nearly all of them (tweets, SMS, templates) fit in one. */
  static final int TRAIN_MAX_TOKENS = 256;
  /**
   * Inference windows, written to config.json: documents are cut into chunks of at most
   * {@link ModerationChunks#MAX_WORDS} words, which fit one window; a rare longer chunk is windowed.
   */
  static final int MAX_TOKENS = 128;
  static final int WINDOW_STRIDE = 32;
  /** Hashed lexical feature buckets: half word n-grams, half character n-grams. */
  static final int LEXICAL_BUCKETS = 1 << 16;

  private TrainModeration() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = CommandLine.parse(args);
    ModerationHeadTrainer.Settings defaults = ModerationHeadTrainer.Settings.defaults(0);
    run(Path.of(cli.required("--data")), Path.of(cli.required("--out")),
        Long.parseLong(cli.optional("--seed", "13")),
        Path.of(cli.optional("--cache", System.getProperty("java.io.tmpdir") + "/sluice-moderation-cache")),
        Integer.parseInt(cli.optional("--epochs", String.valueOf(defaults.epochs()))),
        Float.parseFloat(cli.optional("--lr", String.valueOf(defaults.learningRate()))),
        "scripts/train-moderation " + String.join(" ", args));
  }

  /** {@code sluice train moderation}: {@link #run(Path, Path, long, Path, int, float, String)} at the default rate. */
  public static void run(Path data, Path out, long seed, Path cache, int epochs, String command) throws IOException {
    run(data, out, seed, cache, epochs, ModerationHeadTrainer.Settings.defaults(seed).learningRate(), command);
  }

  /**
   * Trains and writes the model directory {@code out}; {@code command} is how the run was started, for the
   * model card.
   */
  public static void run(Path data, Path out, long seed, Path cache, int epochs, float learningRate, String command)
      throws IOException {
    ModerationHeadTrainer.Settings defaults = ModerationHeadTrainer.Settings.defaults(seed);
    ModerationHeadTrainer.Settings settings = new ModerationHeadTrainer.Settings(defaults.hiddenSize(),
        defaults.dropout(), epochs, defaults.batchSize(), learningRate, defaults.weightDecay(),
        defaults.maxPositiveWeight(), defaults.lexicalGain(), seed);
    long started = System.nanoTime();

    ModerationDataset dataset = ModerationDataset.assemble(data, seed);
    LOG.info("dataset: {} train, {} tune, {} dev, {} unreadable rows skipped", dataset.train().size(),
        dataset.tune().size(), dataset.dev().size(), dataset.skippedRows());
    ModelSpec spec = ModelSpec.embedded(ENCODER).withWindowing(TRAIN_MAX_TOKENS, WINDOW_STRIDE, 16384, 64);
    float[][] trainX;
    float[][] tuneX;
    float[][] devX;
    try (EncoderModel encoder = ModelLoader.loadEncoder(spec, 0)) {
      FeatureCache features = new FeatureCache(cache);
      devX = features.features(encoder, texts(dataset.dev()), n -> progress("dev", n, dataset.dev().size()));
      tuneX = features.features(encoder, texts(dataset.tune()), n -> progress("tune", n, dataset.tune().size()));
      trainX = features.features(encoder, texts(dataset.train()), n -> progress("train", n, dataset.train().size()));
    }
    double encodeSeconds = (System.nanoTime() - started) / 1e9;
    LexicalFeatures lexical = LexicalFeatures.fit(texts(dataset.train()), LEXICAL_BUCKETS);
    List<Tensor> weights = new ModerationHeadTrainer(settings).train(inputs(trainX, dataset.train(), lexical),
        LEXICAL_BUCKETS, targets(dataset.train()), epoch -> LOG.info("epoch {}/{}", epoch, settings.epochs()));
    float[][] tuneScores = ModerationHeadTrainer.predict(weights, settings.hiddenSize(), LEXICAL_BUCKETS,
        inputs(tuneX, dataset.tune(), lexical));
    float[] thresholds = ModerationThresholds.choose(dataset.tune(), tuneScores, dataset::tuneWeight);
    float[][] devScores = ModerationHeadTrainer.predict(weights, settings.hiddenSize(), LEXICAL_BUCKETS,
        inputs(devX, dataset.dev(), lexical));

    // the tuning split's numbers are what a setting is chosen by; dev only reports
    double tuneSmsF1 = ModerationEvaluation.sourcePrf(dataset.tune(), tuneScores, thresholds, PublicModerationData.SMS,
        ModerationCategory.SPAM, dataset::tuneWeight)[2];
    ModerationModelCard.Results results = new ModerationModelCard.Results(
        ModerationEvaluation.perCategory(dataset.dev(), devScores, thresholds),
        ModerationEvaluation.davidson(dataset.dev(), devScores, thresholds, dataset::devWeight),
        ModerationEvaluation.sourcePrf(dataset.dev(), devScores, thresholds, PublicModerationData.SMS,
            ModerationCategory.SPAM, dataset::devWeight),
        ModerationEvaluation.davidson(dataset.tune(), tuneScores, thresholds, dataset::tuneWeight).macroF1(),
        tuneSmsF1, encodeSeconds, (System.nanoTime() - started) / 1e9);
    LOG.info("dev: Davidson macro-F1 {} (tuning split {}), SMS spam F1 {} (tuning split {}); wall {} s",
        ModerationEvaluation.fmt(results.davidson().macroF1()), ModerationEvaluation.fmt(results.davidsonTuneMacroF1()),
        ModerationEvaluation.fmt(results.sms()[2]), ModerationEvaluation.fmt(results.smsTuneF1()),
        Math.round(results.wallSeconds()));

    Map<String, Float> thresholdMap = new LinkedHashMap<>();
    for (ModerationCategory c : ModerationCategory.values()) {
      thresholdMap.put(c.label(), thresholds[c.ordinal()]);
    }
    Map<String, Tensor> weightMap = new LinkedHashMap<>();
    weights.forEach(t -> weightMap.put(t.name(), t));
    weightMap.put(ModerationModelFiles.LEXICAL_IDF, new Tensor(ModerationModelFiles.LEXICAL_IDF,
        new long[] {LEXICAL_BUCKETS}, lexical.idf()));
    ModerationModelFiles files = new ModerationModelFiles(new ModerationModelFiles.Config(ENCODER, "mean",
        trainX[0].length, settings.hiddenSize(), LEXICAL_BUCKETS, MAX_TOKENS, WINDOW_STRIDE), labels(), thresholdMap,
        weightMap);
    String card = new ModerationModelCard(dataset, settings, command, results).render();
    files.write(out, metricsJson(results), card);
    LOG.info("wrote moderation model to {}", out);
  }

  private static ModerationHeadTrainer.Inputs inputs(float[][] embeddings, List<LabeledText> examples,
      LexicalFeatures lexical) {
    return new ModerationHeadTrainer.Inputs(embeddings, examples.stream().map(e -> lexical.of(e.text())).toList());
  }

  private static ObjectNode metricsJson(ModerationModelCard.Results results) {
    ObjectNode m = new ObjectMapper().createObjectNode();
    m.put("davidson_macro_f1", results.davidson().macroF1());
    m.put("davidson_tune_macro_f1", results.davidsonTuneMacroF1());
    ObjectNode perClass = m.putObject("davidson_dev");
    for (int k = 0; k < ModerationEvaluation.DAVIDSON_CLASSES.size(); k++) {
      ObjectNode n = perClass.putObject(ModerationEvaluation.DAVIDSON_CLASSES.get(k));
      n.put("precision", results.davidson().precision()[k]);
      n.put("recall", results.davidson().recall()[k]);
      n.put("f1", results.davidson().f1()[k]);
    }
    m.put("sms_spam_precision", results.sms()[0]);
    m.put("sms_spam_recall", results.sms()[1]);
    m.put("sms_spam_f1", results.sms()[2]);
    m.put("sms_spam_tune_f1", results.smsTuneF1());
    ObjectNode per = m.putObject("dev");
    for (ModerationEvaluation.CategoryRow r : results.rows()) {
      ObjectNode n = per.putObject(r.category().label());
      n.put("positives", r.positives());
      n.put("examples", r.total());
      n.put("auroc", r.auroc());
      n.put("auprc", r.auprc());
      n.put("threshold", r.atThreshold().threshold());
      n.put("precision", r.atThreshold().precision());
      n.put("recall", r.atThreshold().recall());
      n.put("f1", r.atThreshold().f1());
    }
    return m;
  }

  private static void progress(String split, int done, int total) {
    LOG.info("encoded {} {}/{}", split, done, total);
  }

  static List<String> labels() {
    List<String> out = new ArrayList<>();
    for (ModerationCategory c : ModerationCategory.values()) {
      out.add(c.label());
    }
    return out;
  }

  private static List<String> texts(List<LabeledText> examples) {
    return examples.stream().map(LabeledText::text).toList();
  }

  private static float[][] targets(List<LabeledText> examples) {
    return examples.stream().map(LabeledText::target).toArray(float[][]::new);
  }
}
