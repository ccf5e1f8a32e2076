package io.sluice.models.moderation;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sluice.models.weights.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains a {@link ModerationHead} on cached sentence features with DJL's Trainer on PyTorch (Adam, weighted
 * sigmoid cross-entropy, seeded shuffles). The encoder is frozen: only the head's two layers learn.
 */
public final class ModerationHeadTrainer {
  public record Settings(int hiddenSize, float dropout, int epochs, int batchSize, float learningRate,
      float weightDecay, float maxPositiveWeight, long seed) {
    public static Settings defaults(long seed) {
      return new Settings(256, 0.2f, 40, 256, 1e-3f, 1e-4f, 8f, seed);
    }
  }

  private final Settings settings;

  public ModerationHeadTrainer(Settings settings) {
    this.settings = settings;
  }

  /** Returns the trained weights; {@code epochDone} sees each finished epoch's number. */
  public List<Tensor> train(float[][] features, float[][] targets, IntConsumer epochDone) {
    int labels = targets[0].length;
    int input = features[0].length;
    ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
    ModerationHead head = new ModerationHead(input, settings.hiddenSize(), labels, settings.dropout());
    try (Model model = Model.newInstance("moderation-head", Device.cpu(), "PyTorch")) {
      model.setBlock(head.block());
      DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedSigmoidLoss(positiveWeights(targets)))
          .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(settings.learningRate()))
              .optWeightDecays(settings.weightDecay()).build())
          .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, input));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < features.length; i++) {
          order.add(i);
        }
        Random random = new Random(settings.seed());
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
          Collections.shuffle(order, random);
          for (int start = 0; start < order.size(); start += settings.batchSize()) {
            List<Integer> batch = order.subList(start, Math.min(order.size(), start + settings.batchSize()));
            try (NDManager step = trainer.getManager().newSubManager()) {
              NDArray x = step.create(rows(features, batch));
              NDArray y = step.create(rows(targets, batch));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList logits = trainer.forward(new NDList(x));
                gc.backward(trainer.getLoss().evaluate(new NDList(y), logits));
              }
              trainer.step();
            }
          }
          epochDone.accept(epoch);
        }
        return head.toTensors();
      }
    }
  }

  /** Sigmoid probabilities of a trained head on features, [row][label]. */
  public static float[][] predict(List<Tensor> weights, int hiddenSize, float[][] features) {
    int labels = (int) weights.stream().filter(t -> t.name().equals("out.bias")).findFirst().orElseThrow().shape()[0];
    ModerationHead head = new ModerationHead(features[0].length, hiddenSize, labels, 0f);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      head.initialize(manager);
      java.util.Map<String, Tensor> byName = new java.util.HashMap<>();
      weights.forEach(t -> byName.put(t.name(), t));
      head.load(byName);
      NDArray p = Activation.sigmoid(head.logits(new ParameterStore(manager, false), manager.create(features), false));
      float[] flat = p.toType(DataType.FLOAT32, false).toFloatArray();
      float[][] out = new float[features.length][labels];
      for (int i = 0; i < features.length; i++) {
        System.arraycopy(flat, i * labels, out[i], 0, labels);
      }
      return out;
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

  private static float[][] rows(float[][] m, List<Integer> idx) {
    float[][] out = new float[idx.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = m[idx.get(i)];
    }
    return out;
  }
}
