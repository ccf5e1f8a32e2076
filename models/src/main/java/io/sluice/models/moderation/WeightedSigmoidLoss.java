package io.sluice.models.moderation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits, one term per category, with a per-category weight on positive examples
 * (PyTorch's pos_weight): rare categories (a few hundred positives against tens of thousands of negatives)
 * would otherwise be learned as "never". Uses the stable form log(1 + e^-|z|) + max(z, 0) - z*y.
 */
final class WeightedSigmoidLoss extends Loss {
  private final float[] positiveWeights;

  WeightedSigmoidLoss(float[] positiveWeights) {
    super("weighted_sigmoid_bce");
    this.positiveWeights = positiveWeights.clone();
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray z = predictions.singletonOrThrow();
    NDArray y = labels.singletonOrThrow();
    NDArray posWeight = z.getManager().create(positiveWeights);
    // softplus(-z) = -log(sigmoid(z)); softplus(z) = -log(1 - sigmoid(z))
    NDArray softplusNeg = z.neg().maximum(0).add(z.abs().neg().exp().add(1).log());
    NDArray softplusPos = softplusNeg.add(z);
    NDArray perLabel = y.mul(posWeight).mul(softplusNeg).add(y.neg().add(1).mul(softplusPos));
    return perLabel.mean();
  }
}
