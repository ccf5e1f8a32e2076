package io.sluice.models.moderation;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sluice.models.heads.HeadLoss;
import io.sluice.models.heads.MinibatchTrainer;
import io.sluice.models.weights.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains a {@link ModerationHead} on cached sentence features and lexical features with the heads' shared
 * {@link MinibatchTrainer} (AdamW, sigmoid cross-entropy weighted towards rare categories, seeded shuffles).
 * The encoder is frozen: only the head learns.
 */
public final class ModerationHeadTrainer {
  /**
   * Spam's lexical gain (see {@link ModerationHead}): SMS spam is told by its wording (short codes, premium-rate
   * numbers, prize and "txt" vocabulary), but at gain 1 the wide path learns too slowly to carry it past the
   * sentence embedding within the epochs Davidson is tuned for. On the tuning split, gains 1, 3, 6 and 10 gave
   * SMS spam AUPRC 0.983, 0.986, 0.987 and 0.987 with Davidson macro-F1 unchanged (0.735 to 0.738); at 10 the
   * best SMS threshold fell to the floor. Raising the lexical learning of every label instead (input scale 2 or
   * 4) cost Davidson 0.008 to 0.009.
   */
  static final float SPAM_LEXICAL_GAIN = 6f;

  /** {@code lexicalGain}: per label (see {@link ModerationHead}), or null for 1 everywhere. */
  public record Settings(int hiddenSize, float dropout, int epochs, int batchSize, float learningRate,
      float weightDecay, float maxPositiveWeight, float[] lexicalGain, long seed) {
    public static Settings defaults(long seed) {
      float[] gain = new float[ModerationCategory.count()];
      java.util.Arrays.fill(gain, 1f);
      gain[ModerationCategory.SPAM.ordinal()] = SPAM_LEXICAL_GAIN;
      return new Settings(256, 0.2f, 25, 256, 1e-3f, 1e-4f, 8f, gain, seed);
    }
  }

  /** What the head reads per example: the sentence embedding and the lexical features. */
  public record Inputs(float[][] embeddings, List<LexicalFeatures.Sparse> lexical) {
    Inputs rows(List<Integer> idx) {
      float[][] e = new float[idx.size()][];
      List<LexicalFeatures.Sparse> l = new ArrayList<>();
      for (int i = 0; i < e.length; i++) {
        e[i] = embeddings[idx.get(i)];
        l.add(lexical.get(idx.get(i)));
      }
      return new Inputs(e, l);
    }
  }

  private final Settings settings;

  public ModerationHeadTrainer(Settings settings) {
    this.settings = settings;
  }

  /** Returns the trained weights; {@code epochDone} sees each finished epoch's number. */
  public List<Tensor> train(Inputs inputs, int buckets, float[][] targets, IntConsumer epochDone) {
    ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
    ModerationHead head = new ModerationHead(inputs.embeddings()[0].length, settings.hiddenSize(), targets[0].length,
        buckets, settings.dropout(), settings.lexicalGain());
    // the head's parameters live here, not in the training model's manager, so they outlive the training
    try (NDManager parameters = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      head.initialize(parameters);
      fit(head, inputs, targets, epochDone);
      return head.toTensors();
    }
  }

  private void fit(ModerationHead head, Inputs inputs, float[][] targets, IntConsumer epochDone) {
    Random random = new Random(settings.seed());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    List<List<Integer>> batches = new ArrayList<>();
    for (int start = 0; start < order.size(); start += settings.batchSize()) {
      batches.add(order.subList(start, Math.min(order.size(), start + settings.batchSize())));
    }
    Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(settings.learningRate()))
        .optWeightDecays(settings.weightDecay()).build();
    MinibatchTrainer.train(head, HeadLoss.sigmoid(positiveWeights(targets)), optimizer, head.inputShapes(),
        new MinibatchTrainer.Batches() {
          @Override
          public int count() {
            return batches.size();
          }

          @Override
          public MinibatchTrainer.Batch get(int index, NDManager step) {
            List<Integer> batch = batches.get(index);
            Inputs x = inputs.rows(batch);
            float[][] y = new float[batch.size()][];
            for (int i = 0; i < y.length; i++) {
              y[i] = targets[batch.get(i)];
            }
            return new MinibatchTrainer.Batch(ModerationHead.inputs(step, x.embeddings(), x.lexical()),
                new NDList(step.create(y)));
          }
        }, settings.epochs(), random, epochDone);
  }

  /** Sigmoid probabilities of a trained head, [row][label]. */
  public static float[][] predict(List<Tensor> weights, int hiddenSize, int buckets, Inputs inputs) {
    int labels = (int) weights.stream().filter(t -> t.name().equals("out.bias")).findFirst().orElseThrow().shape()[0];
    ModerationHead head = new ModerationHead(inputs.embeddings()[0].length, hiddenSize, labels, buckets, 0f);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      head.initialize(manager);
      Map<String, Tensor> byName = new HashMap<>();
      weights.forEach(t -> byName.put(t.name(), t));
      head.load(byName);
      return head.probabilities(manager, inputs.embeddings(), inputs.lexical());
    }
  }

  /** sqrt(negatives / positives) per label, capped: enough to learn rare labels without swamping precision. */
  private float[] positiveWeights(float[][] targets) {
    int labels = targets[0].length;
    float[] w = new float[labels];
    for (int j = 0; j < labels; j++) {
      int pos = 0;
      for (float[] t : targets) {
        pos += t[j] > 0.5f ? 1 : 0;
      }
      double ratio = pos == 0 ? 1 : (double) (targets.length - pos) / pos;
      w[j] = (float) Math.min(settings.maxPositiveWeight(), Math.max(1, Math.sqrt(ratio)));
    }
    return w;
  }
}
