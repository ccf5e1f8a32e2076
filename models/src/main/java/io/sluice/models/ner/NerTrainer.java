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
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.runtime.EncoderModel;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the tagging head with DJL's Trainer on the PyTorch engine, the encoder frozen: every document's
 * token rows (encoder states + casing features) are computed once and cached, then the head trains for many
 * epochs on the cache, which is what makes training affordable on a shared 2-core CPU.
 */
public final class NerTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(NerTrainer.class);
  private static final int FEATURIZE_CHUNK = 32;

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
  record Cache(float[] rows, int[] tags, int tokens, int width) {}

  Cache featurize(List<GoldDocument> docs, Consumer<String> progress) {
    int width = encoder.config().hiddenSize() + TokenFeatures.WIDTH;
    FloatGrowable rows = new FloatGrowable();
    IntGrowable tags = new IntGrowable();
    for (int from = 0; from < docs.size(); from += FEATURIZE_CHUNK) {
      List<GoldDocument> chunk = docs.subList(from, Math.min(docs.size(), from + FEATURIZE_CHUNK));
      List<TokenRows.Text> texts = TokenRows.of(encoder, chunk.stream().map(GoldDocument::text).toList());
      for (int d = 0; d < chunk.size(); d++) {
        TokenRows.Text t = texts.get(d);
        int[] gold = GoldTags.of(chunk.get(d).spans(), t.starts(), t.ends(), config.entities());
        for (int i = 0; i < t.size(); i++) {
          rows.add(t.rows()[i]);
          tags.add(gold[i]);
        }
      }
      if ((from / FEATURIZE_CHUNK) % 20 == 0) {
        progress.accept("encoded " + Math.min(docs.size(), from + FEATURIZE_CHUNK) + "/" + docs.size()
            + " documents, " + tags.size + " tokens");
      }
    }
    return new Cache(rows.trimmed(), tags.trimmed(), tags.size, width);
  }

  /** Trains a fresh head on the cache and writes its parameters to {@code weights}. */
  void train(Cache cache, OutputStream weights, Consumer<String> progress) throws IOException {
    Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
    int tagCount = config.tags().size();
    try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch");
        Model model = Model.newInstance("pii-ner-head", "PyTorch")) {
      Block head = NerHead.newBlock(config.hiddenUnits(), tagCount, 0.1f);
      model.setBlock(head);
      NDArray x = manager.create(FloatBuffer.wrap(cache.rows()), new Shape(cache.tokens(), cache.width()));
      NDArray y = manager.create(cache.tags());
      ArrayDataset data = new ArrayDataset.Builder().setData(x).optLabels(y)
          .setSampling(settings.batchSize(), true).build();
      DefaultTrainingConfig training = new DefaultTrainingConfig(new WeightedTagLoss(tagCount, settings.entityWeight()))
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build())
          .optDevices(new ai.djl.Device[] {ai.djl.Device.cpu()});
      try (Trainer trainer = model.newTrainer(training)) {
        trainer.initialize(new Shape(1, cache.width()));
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
          double lossSum = 0;
          int batches = 0;
          for (Batch batch : trainer.iterateDataset(data)) {
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList predictions = trainer.forward(batch.getData());
              NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
              gc.backward(loss);
              lossSum += loss.getFloat();
              batches++;
            }
            trainer.step();
            batch.close();
          }
          progress.accept(String.format(java.util.Locale.ROOT, "epoch %d/%d loss %.4f", epoch, settings.epochs(),
              lossSum / Math.max(1, batches)));
        }
      } catch (ai.djl.translate.TranslateException e) {
        throw new IOException("training batch could not be read", e);
      }
      head.saveParameters(new DataOutputStream(weights));
    }
    LOG.info("trained NER head on {} tokens", cache.tokens());
  }

  /** A float array that grows by doubling, so the cache is one contiguous block. */
  private static final class FloatGrowable {
    float[] data = new float[1 << 20];
    int size;

    void add(float[] row) {
      while (size + row.length > data.length) {
        data = java.util.Arrays.copyOf(data, data.length * 2);
      }
      System.arraycopy(row, 0, data, size, row.length);
      size += row.length;
    }

    float[] trimmed() {
      return java.util.Arrays.copyOf(data, size);
    }
  }

  private static final class IntGrowable {
    int[] data = new int[1 << 14];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    int[] trimmed() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
