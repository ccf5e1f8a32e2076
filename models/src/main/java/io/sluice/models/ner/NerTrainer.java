package io.sluice.models.ner;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sluice.models.runtime.EncoderModel;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the tagging head with DJL's Trainer on the PyTorch engine, the encoder frozen: every document's
 * encoder states are computed once ({@link EncodedCorpus}) and its token rows (states + casing features) kept
 * in memory, then the head trains for many
 * epochs on the cache, which is what makes training affordable on a shared 2-core CPU.
 */
public final class NerTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(NerTrainer.class);

  /** Optimisation knobs; the defaults are the ones the shipped model was trained with. */
  public record Settings(int epochs, int batchSize, float learningRate, float entityWeight, long seed) {
    public Settings {
      if (epochs <= 0 || batchSize <= 0 || learningRate <= 0 || entityWeight <= 0) {
        throw new IllegalArgumentException("training settings must be positive");
      }
    }
  }

  private final EncoderModel encoder;
  private final NerModelConfig config;
  private final Settings settings;

  public NerTrainer(EncoderModel encoder, NerModelConfig config, Settings settings) {
    this.encoder = encoder;
    this.config = config;
    this.settings = settings;
  }

  /** The cached training rows: [tokens, width] inputs and their gold tags. */
  public record Cache(float[] rows, int[] tags, int tokens, int width) {}

  /**
   * One training example: an encoded document, with its casing features taken from the text as written or
   * lower-cased. A lower-cased copy costs no encoder pass (the encoder is uncased: same tokens, same states)
   * and teaches the head names in text that carries no capitals, as chat and social media often does. With
   * {@code listsHidden} the word-list flags ({@link GazetteerFeatures}) are zeroed: generated documents draw their
   * names and places from the very lists the flags come from, and a head that always sees them there learns to
   * trust them more than real text deserves.
   */
  public record Example(EncodedCorpus.Document doc, boolean lowerCased, boolean listsHidden) {
    public Example(EncodedCorpus.Document doc, boolean lowerCased) {
      this(doc, lowerCased, false);
    }
  }

  /**
   * The rows of all examples in one array sized up front (a growing array would need twice the memory while it
   * is copied, and the rows are most of a training run's heap).
   */
  public Cache featurize(List<Example> examples) {
    int width = encoder.config().hiddenSize() + config.featureWidth();
    int total = examples.stream().mapToInt(e -> e.doc().size()).sum();
    float[] rows = new float[Math.multiplyExact(total, width)];
    int[] tags = new int[total];
    int hidden = encoder.config().hiddenSize();
    int at = 0;
    for (Example e : examples) {
      EncodedCorpus.Document d = e.doc();
      float[][] features = featureRows(config.features(), d.gold().text(), d.starts(), d.ends(), e.lowerCased(),
          e.listsHidden());
      int[] gold = GoldTags.of(d.gold().spans(), d.starts(), d.ends(), config.entities());
      for (int i = 0; i < d.size(); i++) {
        System.arraycopy(d.states()[i], 0, rows, at * width, hidden);
        System.arraycopy(features[i], 0, rows, at * width + hidden, width - hidden);
        tags[at++] = gold[i];
      }
    }
    return new Cache(rows, tags, total, width);
  }

  /**
   * The feature rows of one training variant of a text: as written or lower-cased, and with the word-list flags
   * zeroed when {@code listsHidden} (see {@link Example}).
   */
  static float[][] featureRows(NerModelConfig.Features features, String text, int[] starts, int[] ends,
      boolean lowerCased, boolean listsHidden) {
    float[][] rows = features.rows(lowerCased ? lowerCase(text) : text, starts, ends);
    if (listsHidden) {
      for (float[] row : rows) {
        Arrays.fill(row, TokenFeatures.WIDTH, row.length, 0f);
      }
    }
    return rows;
  }

  /** Lower-cases code point by code point, so every token keeps its code-point span. */
  static String lowerCase(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
    return sb.toString();
  }

  /**
   * Trains a fresh head on the cache and writes its parameters to {@code weights}. Each epoch visits the rows in
   * a new seeded order; a batch is gathered in Java and handed to PyTorch as one array (measured: DJL's
   * ArrayDataset, which slices and stacks row by row, cost several times the head's own arithmetic). Returns each
   * epoch's mean batch loss.
   */
  public List<Float> train(Cache cache, OutputStream weights, Consumer<String> progress) throws IOException {
    Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
    int tagCount = config.tags().size();
    int width = cache.width();
    int batchSize = settings.batchSize();
    List<Float> epochLosses = new java.util.ArrayList<>();
    try (Model model = Model.newInstance("pii-ner-head", "PyTorch")) {
      Block head = NerHead.newBlock(config.hiddenUnits(), tagCount, 0.1f);
      model.setBlock(head);
      DefaultTrainingConfig training = new DefaultTrainingConfig(new WeightedTagLoss(tagCount, settings.entityWeight()))
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build())
          .optDevices(new ai.djl.Device[] {ai.djl.Device.cpu()});
      try (Trainer trainer = model.newTrainer(training)) {
        trainer.initialize(new Shape(1, width));
        int[] order = new int[cache.tokens()];
        Arrays.setAll(order, i -> i);
        Random random = new Random(settings.seed());
        float[] xb = new float[batchSize * width];
        int[] yb = new int[batchSize];
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
          shuffle(order, random);
          double lossSum = 0;
          int batches = 0;
          for (int from = 0; from < order.length; from += batchSize) {
            int n = Math.min(batchSize, order.length - from);
            for (int k = 0; k < n; k++) {
              System.arraycopy(cache.rows(), order[from + k] * width, xb, k * width, width);
              yb[k] = cache.tags()[order[from + k]];
            }
            try (NDManager batch = trainer.getManager().newSubManager();
                GradientCollector gc = trainer.newGradientCollector()) {
              NDArray x = batch.create(FloatBuffer.wrap(xb, 0, n * width), new Shape(n, width));
              NDArray y = batch.create(Arrays.copyOf(yb, n));
              NDList predictions = trainer.forward(new NDList(x));
              NDArray loss = trainer.getLoss().evaluate(new NDList(y), predictions);
              gc.backward(loss);
              lossSum += loss.getFloat();
              batches++;
            }
            trainer.step();
          }
          epochLosses.add((float) (lossSum / Math.max(1, batches)));
          progress.accept(String.format(java.util.Locale.ROOT, "epoch %d/%d loss %.4f", epoch, settings.epochs(),
              lossSum / Math.max(1, batches)));
        }
      }
      head.saveParameters(new DataOutputStream(weights));
    }
    LOG.info("trained NER head on {} tokens", cache.tokens());
    return epochLosses;
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
