package io.sluice.models.heads;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The training loop every head trainer here shares: epochs of minibatches in a seeded shuffled order, one
 * optimizer step per batch, with DJL's Trainer on CPU. Callers say what a batch is; the block keeps the learned
 * parameters when this returns.
 */
public final class MinibatchTrainer {
  private MinibatchTrainer() {}

  /** A batch's inputs and labels. */
  public record Batch(NDList data, NDList labels) {}

  /** Builds batch {@code index}; arrays it creates in {@code step} are freed after that batch's step. */
  public interface Batches {
    int count();

    Batch get(int index, NDManager step);
  }

  /**
   * Trains {@code block} (its inputs of {@code inputShapes}) under {@code loss}; returns each epoch's mean batch
   * loss. {@code epochDone} sees each finished epoch's number (1-based).
   */
  public static List<Float> train(Block block, Loss loss, Optimizer optimizer, Shape[] inputShapes, Batches batches,
      int epochs, Random random, IntConsumer epochDone) {
    if (batches.count() == 0) {
      throw new IllegalArgumentException("no training examples");
    }
    DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
        .optDevices(new Device[] {Device.cpu()});
    List<Float> epochLosses = new ArrayList<>();
    try (Model model = Model.newInstance("head-training", Device.cpu(), "PyTorch")) {
      model.setBlock(block);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(inputShapes);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < batches.count(); i++) {
          order.add(i);
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
          Collections.shuffle(order, random);
          double sum = 0;
          for (int i : order) {
            sum += step(trainer, batches, i);
          }
          epochLosses.add((float) (sum / order.size()));
          epochDone.accept(epoch);
        }
      }
    }
    return epochLosses;
  }

  private static float step(Trainer trainer, Batches batches, int index) {
    try (NDManager m = trainer.getManager().newSubManager()) {
      Batch batch = batches.get(index, m);
      float value;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDList predictions = trainer.forward(batch.data(), batch.labels());
        NDArray lossValue = trainer.getLoss().evaluate(batch.labels(), predictions);
        gc.backward(lossValue);
        value = lossValue.getFloat();
      }
      trainer.step();
      return value;
    }
  }
}
