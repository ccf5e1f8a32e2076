package io.sluice.models.heads;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sluice.models.ModelResolver;
import io.sluice.models.ModelSpec;
import io.sluice.models.ModelSpec.Task;
import io.sluice.models.ResolvedModel;
import io.sluice.models.encoder.ClassificationHead;
import io.sluice.models.encoder.TaskBlock;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.LoadedEncoder;
import io.sluice.models.runtime.RuntimeSettings;
import io.sluice.models.text.TextTokenizer;
import io.sluice.models.text.TokenizedText;
import io.sluice.models.text.Window;
import io.sluice.models.text.Windowing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a classification head on a pretrained encoder with DJL's Trainer, on CPU in FP32, with the encoder
 * frozen or fine-tuned. Training texts are windowed like inference texts, so long examples are used whole.
 */
public final class HeadTrainer {
  private HeadTrainer() {}

  /** Token classification; labels are the tag set ("O", "B-PERSON", "I-PERSON", ... or plain labels). */
  public static TrainedModel trainTokenClassifier(ModelSpec base, List<String> labels, List<TokenExample> examples,
      TrainingOptions options) {
    HeadConfig head = new HeadConfig(Task.TOKEN_CLASSIFICATION, labels, io.sluice.models.encoder.Pooling.MEAN, false,
        false);
    Prepared p = prepare(base, head);
    TokenLabeler labeler = new TokenLabeler(labels);
    List<LabeledWindow> windows = new ArrayList<>();
    for (TokenExample ex : examples) {
      TokenizedText t = p.tokenizer.tokenize(ex.text());
      int[] tokenLabels = labeler.labels(t, ex.spans());
      for (Window w : p.windowing.windows(0, t, p.tokenizer.prefix(), p.tokenizer.suffix())) {
        float[] target = new float[w.length()];
        java.util.Arrays.fill(target, -1f);
        for (int i = w.start(); i < w.end(); i++) {
          target[p.tokenizer.prefix().length + i - w.start()] = tokenLabels[i];
        }
        windows.add(new LabeledWindow(w.ids(), target));
      }
    }
    return train(p, head, windows, new HeadLoss(HeadLoss.Mode.TOKEN), options, examples.size());
  }

  /** Sequence classification; multiLabel selects sigmoid per label instead of softmax over labels. */
  public static TrainedModel trainSequenceClassifier(ModelSpec base, List<String> labels, boolean multiLabel,
      io.sluice.models.encoder.Pooling pooling, List<SequenceExample> examples, TrainingOptions options) {
    HeadConfig head = new HeadConfig(Task.SEQUENCE_CLASSIFICATION, labels, pooling, multiLabel, false);
    Prepared p = prepare(base, head);
    List<LabeledWindow> windows = new ArrayList<>();
    for (SequenceExample ex : examples) {
      if (ex.target().length != labels.size()) {
        throw new IllegalArgumentException("a training target has " + ex.target().length + " values for "
            + labels.size() + " labels");
      }
      TokenizedText t = p.tokenizer.tokenize(ex.text());
      for (Window w : p.windowing.windows(0, t, p.tokenizer.prefix(), p.tokenizer.suffix())) {
        windows.add(new LabeledWindow(w.ids(), ex.target()));
      }
    }
    HeadLoss loss = new HeadLoss(multiLabel ? HeadLoss.Mode.SIGMOID : HeadLoss.Mode.SOFTMAX);
    return train(p, head, windows, loss, options, examples.size());
  }

  private record LabeledWindow(long[] ids, float[] target) {}

  private record Prepared(ModelSpec base, ResolvedModel resolved, LoadedEncoder encoder, ClassificationHead head,
      TextTokenizer tokenizer, Windowing windowing, RuntimeSettings settings) {}

  private static Prepared prepare(ModelSpec base, HeadConfig headConfig) {
    if (base.task() != Task.ENCODER) {
      throw new IllegalArgumentException("the base of a new head must be a bare encoder (task encoder)");
    }
    ResolvedModel r = ModelResolver.resolve(base);
    ClassificationHead head = headConfig.newBlock(r.config().hiddenSize(), r.config().hiddenDropout());
    LoadedEncoder encoder = LoadedEncoder.create(r.config(), r.weights(), Device.cpu(), DataType.FLOAT32, head, true);
    try {
      TextTokenizer tokenizer = TextTokenizer.fromBytes(r.tokenizerJson(), r.config().padTokenId());
      RuntimeSettings settings = new RuntimeSettings(base.maxTokens(), base.windowStride(), base.batchTokenBudget(),
          base.maxBatchSize());
      int maxTokens = settings.maxTokens() > 0 ? Math.min(settings.maxTokens(), r.config().maxTokens())
          : r.config().maxTokens();
      return new Prepared(base, r, encoder, head, tokenizer, new Windowing(maxTokens, settings.strideFor(maxTokens)), settings);
    } catch (IOException e) {
      encoder.close();
      throw new UncheckedIOException("tokenizer of model " + base.id() + " could not be read", e);
    }
  }

  private static TrainedModel train(Prepared p, HeadConfig headConfig, List<LabeledWindow> windows, HeadLoss loss,
      TrainingOptions options, int exampleCount) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    boolean perToken = headConfig.task() == Task.TOKEN_CLASSIFICATION;
    Random random = new Random(options.seed());
    List<LabeledWindow> shuffled = new ArrayList<>(windows);
    Collections.shuffle(shuffled, random);
    List<PaddedBatch> batches = new ArrayList<>();
    for (int from = 0; from < shuffled.size(); from += options.batchSize()) {
      batches.add(PaddedBatch.of(shuffled.subList(from, Math.min(shuffled.size(), from + options.batchSize())),
          p.tokenizer.padId(), perToken));
    }
    Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(options.learningRate())).build();
    p.encoder.block().freezeParameters(options.freezeEncoder());
    p.head.freezeParameters(false);
    // a frozen encoder gives the same states every epoch: compute them once and train only the head on them
    boolean cacheStates = options.freezeEncoder() && cachedFloats(batches, p) <= MAX_CACHED_FLOATS;
    List<Float> epochLosses;
    try (NDManager cache = p.encoder.manager().newSubManager()) {
      List<NDList> inputs = new ArrayList<>();
      for (PaddedBatch b : batches) {
        inputs.add(cacheStates ? new NDList(p.encoder.forward(cache, b.ids(), b.mask()), cache.create(b.mask())) : null);
      }
      Shape[] inputShapes = {cacheStates ? new Shape(1, 1, p.resolved.config().hiddenSize()) : new Shape(1, 1),
          new Shape(1, 1)};
      epochLosses = MinibatchTrainer.train(cacheStates ? p.head : new TaskBlock(p.encoder.block(), p.head), loss,
          optimizer, inputShapes, new MinibatchTrainer.Batches() {
            @Override
            public int count() {
              return batches.size();
            }

            @Override
            public MinibatchTrainer.Batch get(int index, NDManager m) {
              PaddedBatch b = batches.get(index);
              NDList data = cacheStates ? inputs.get(index) : new NDList(m.create(b.ids()), m.create(b.mask()));
              NDArray target = m.create(b.targets());
              return new MinibatchTrainer.Batch(data, new NDList(perToken ? target.toType(DataType.INT64, false) : target));
            }
          }, options.epochs(), random, epoch -> { });
    } finally {
      // the trained model is used for inference next: no gradients
      p.encoder.block().freezeParameters(true);
      p.head.freezeParameters(true);
    }
    EncoderModel trained = new EncoderModel(p.base.id() + "+" + headConfig.task().label(), p.encoder, p.tokenizer,
        p.resolved.pooling(), headConfig, p.settings);
    return new TrainedModel(trained, new TrainingReport(epochLosses, windows.size()), exampleCount, options);
  }

  /** Bounds the memory spent on cached encoder states (floats; 4 bytes each). */
  private static final long MAX_CACHED_FLOATS = 128L * 1024 * 1024;

  private static long cachedFloats(List<PaddedBatch> batches, Prepared p) {
    return batches.stream().mapToLong(b -> (long) b.ids().length * b.ids()[0].length).sum()
        * p.resolved.config().hiddenSize();
  }

  /** Windows padded to a common length; targets are per token (-1 = ignore) or per window. */
  private record PaddedBatch(long[][] ids, long[][] mask, float[][] targets) {
    static PaddedBatch of(List<LabeledWindow> batch, long padId, boolean perToken) {
      int seq = batch.stream().mapToInt(w -> w.ids().length).max().orElseThrow();
      long[][] ids = new long[batch.size()][seq];
      long[][] mask = new long[batch.size()][seq];
      float[][] targets = new float[batch.size()][perToken ? seq : batch.get(0).target().length];
      for (int b = 0; b < batch.size(); b++) {
        LabeledWindow w = batch.get(b);
        java.util.Arrays.fill(ids[b], padId);
        System.arraycopy(w.ids(), 0, ids[b], 0, w.ids().length);
        java.util.Arrays.fill(mask[b], 0, w.ids().length, 1L);
        if (perToken) {
          java.util.Arrays.fill(targets[b], -1f);
        }
        System.arraycopy(w.target(), 0, targets[b], 0, w.target().length);
      }
      return new PaddedBatch(ids, mask, targets);
    }
  }
}
