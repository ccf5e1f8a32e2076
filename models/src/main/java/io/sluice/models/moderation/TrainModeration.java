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
 * {@code TrainModeration --data DIR --out DIR [--seed N] [--cache DIR] [--epochs N]}.
 * Assembles the data ({@link ModerationDataset}), encodes every text once with the frozen embedded encoder
 * (cached), trains the head, picks per-category thresholds on the dev split and writes the card with counts,
 * the command and the dev metrics. Logs counts and progress only, never text.
 */
public final class TrainModeration {
  private static final Logger LOG = LoggerFactory.getLogger(TrainModeration.class);
  static final String ENCODER = "all-minilm-l6-v2";
  /** Training texts are encoded in windows this long; nearly all of them (tweets, SMS, templates) fit in one. */
  static final int TRAIN_MAX_TOKENS = 256;
  /**
   * Inference windows, written to config.json: short, so harm in one sentence of a long document is not diluted
   * by a long benign window (each category takes its maximum over windows), and close to the length of the
   * training texts.
   */
  static final int MAX_TOKENS = 128;
  static final int WINDOW_STRIDE = 32;

  private TrainModeration() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = CommandLine.parse(args);
    ModerationHeadTrainer.Settings defaults = ModerationHeadTrainer.Settings.defaults(0);
    run(Path.of(cli.required("--data")), Path.of(cli.required("--out")),
        Long.parseLong(cli.optional("--seed", "13")),
        Path.of(cli.optional("--cache", System.getProperty("java.io.tmpdir") + "/sluice-moderation-cache")),
        Integer.parseInt(cli.optional("--epochs", String.valueOf(defaults.epochs()))),
        "scripts/train-moderation " + String.join(" ", args));
  }

  /**
   * Trains and writes the model directory {@code out}; {@code command} is how the run was started, for the
   * model card. {@code sluice train moderation} calls this too.
   */
  public static void run(Path data, Path out, long seed, Path cache, int epochs, String command) throws IOException {
    ModerationHeadTrainer.Settings defaults = ModerationHeadTrainer.Settings.defaults(seed);
    ModerationHeadTrainer.Settings settings = new ModerationHeadTrainer.Settings(defaults.hiddenSize(),
        defaults.dropout(), epochs, defaults.batchSize(), defaults.learningRate(), defaults.weightDecay(),
        defaults.maxPositiveWeight(), seed);
    long started = System.nanoTime();

    ModerationDataset dataset = ModerationDataset.assemble(data, seed);
    LOG.info("dataset: {} train, {} dev, {} unreadable rows skipped", dataset.train().size(), dataset.dev().size(),
        dataset.skippedRows());
    ModelSpec spec = ModelSpec.embedded(ENCODER).withWindowing(TRAIN_MAX_TOKENS, WINDOW_STRIDE, 16384, 64);
    float[][] trainX;
    float[][] devX;
    try (EncoderModel encoder = ModelLoader.loadEncoder(spec, 0)) {
      FeatureCache features = new FeatureCache(cache);
      devX = features.features(encoder, texts(dataset.dev()), n -> progress("dev", n, dataset.dev().size()));
      trainX = features.features(encoder, texts(dataset.train()), n -> progress("train", n, dataset.train().size()));
    }
    double encodeSeconds = (System.nanoTime() - started) / 1e9;
    List<Tensor> weights = new ModerationHeadTrainer(settings).train(trainX, targets(dataset.train()),
        epoch -> LOG.info("epoch {}/{}", epoch, settings.epochs()));
    float[][] devScores = ModerationHeadTrainer.predict(weights, settings.hiddenSize(), devX);
    float[] thresholds = chooseThresholds(dataset.dev(), devScores);

    List<ModerationEvaluation.CategoryRow> rows = ModerationEvaluation.perCategory(dataset.dev(), devScores, thresholds);
    double davidson = ModerationEvaluation.davidsonMacroF1(dataset.dev(), devScores, thresholds, dataset::devWeight);
    double[] sms = ModerationEvaluation.sourcePrf(dataset.dev(), devScores, thresholds, "sms",
        ModerationCategory.SPAM, dataset::devWeight);
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    LOG.info("dev: Davidson macro-F1 {}, SMS spam F1 {}; wall {} s", ModerationEvaluation.fmt(davidson),
        ModerationEvaluation.fmt(sms[2]), Math.round(wallSeconds));

    Map<String, Float> thresholdMap = new LinkedHashMap<>();
    for (ModerationCategory c : ModerationCategory.values()) {
      thresholdMap.put(c.label(), thresholds[c.ordinal()]);
    }
    Map<String, Tensor> weightMap = new LinkedHashMap<>();
    weights.forEach(t -> weightMap.put(t.name(), t));
    ModerationModelFiles files = new ModerationModelFiles(new ModerationModelFiles.Config(ENCODER, "mean",
        trainX[0].length, settings.hiddenSize(), MAX_TOKENS, WINDOW_STRIDE), labels(), thresholdMap, weightMap);
    ObjectNode metrics = metricsJson(rows, davidson, sms);
    String card = new ModerationModelCard(dataset, settings, command, rows, davidson, sms,
        encodeSeconds, wallSeconds).render();
    files.write(out, metrics, card);
    LOG.info("wrote moderation model to {}", out);
  }

  /** Best-F1 threshold per category on dev. */
  static float[] chooseThresholds(List<LabeledText> dev, float[][] scores) {
    float[] t = new float[ModerationCategory.count()];
    for (ModerationCategory c : ModerationCategory.values()) {
      boolean[] gold = new boolean[dev.size()];
      for (int i = 0; i < gold.length; i++) {
        gold[i] = dev.get(i).has(c);
      }
      t[c.ordinal()] = (float) BinaryMetrics.bestF1Threshold(ModerationEvaluation.column(scores, c.ordinal()), gold);
    }
    return t;
  }

  private static ObjectNode metricsJson(List<ModerationEvaluation.CategoryRow> rows, double davidson,
      double[] sms) {
    ObjectNode m = new ObjectMapper().createObjectNode();
    m.put("davidson_macro_f1", davidson);
    m.put("sms_spam_precision", sms[0]);
    m.put("sms_spam_recall", sms[1]);
    m.put("sms_spam_f1", sms[2]);
    ObjectNode per = m.putObject("dev");
    for (ModerationEvaluation.CategoryRow r : rows) {
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
