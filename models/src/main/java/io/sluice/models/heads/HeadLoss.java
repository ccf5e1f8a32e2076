package io.sluice.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy for classification heads. Token mode takes int labels [batch, seq] where -1 marks positions
 * to ignore (special tokens, padding), which DJL's SoftmaxCrossEntropyLoss cannot express. Sequence modes take
 * float targets [batch, labels]: softmax cross-entropy or per-label sigmoid binary cross-entropy, the latter
 * optionally with a weight on each label's positive examples (PyTorch's pos_weight), so rare labels are not
 * learned as "never".
 */
public final class HeadLoss extends Loss {
  enum Mode { TOKEN, SOFTMAX, SIGMOID }

  private final Mode mode;
  private final float[] positiveWeights;

  HeadLoss(Mode mode) {
    this(mode, null);
  }

  private HeadLoss(Mode mode, float[] positiveWeights) {
    super("head_loss_" + mode.name().toLowerCase(java.util.Locale.ROOT));
    this.mode = mode;
    this.positiveWeights = positiveWeights;
  }

  /** Multi-label sigmoid cross-entropy with one weight per label on its positive examples. */
  public static HeadLoss sigmoid(float[] positiveWeights) {
    return new HeadLoss(Mode.SIGMOID, positiveWeights.clone());
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray target = labels.singletonOrThrow();
    return switch (mode) {
      case TOKEN -> {
        int k = (int) logits.getShape().get(2);
        NDArray keep = target.gte(0).toType(logits.getDataType(), false);
        NDArray oneHot = target.maximum(0).oneHot(k).toType(logits.getDataType(), false);
        NDArray picked = logits.logSoftmax(-1).mul(oneHot).sum(new int[] {2});
        yield picked.mul(keep).sum().neg().div(keep.sum().maximum(1f));
      }
      case SOFTMAX -> logits.logSoftmax(-1).mul(target).sum(new int[] {1}).neg().mean();
      case SIGMOID -> sigmoidCrossEntropy(logits, target);
    };
  }

  /**
   * w*t*softplus(-x) + (1-t)*softplus(x), with softplus(-x) = max(-x, 0) + log(1 + e^-|x|) written stably;
   * with w = 1 this is log(1 + e^x) - x*t.
   */
  private NDArray sigmoidCrossEntropy(NDArray logits, NDArray target) {
    NDArray softplusNeg = logits.neg().maximum(0f).add(logits.abs().neg().exp().add(1f).log());
    NDArray softplusPos = softplusNeg.add(logits);
    NDArray positive = positiveWeights == null ? target : target.mul(logits.getManager().create(positiveWeights));
    return positive.mul(softplusNeg).add(target.neg().add(1f).mul(softplusPos)).mean();
  }
}
