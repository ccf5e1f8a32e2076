package io.sluice.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy for classification heads. Token mode takes int labels [batch, seq] where -1 marks positions
 * to ignore (special tokens, padding), which DJL's SoftmaxCrossEntropyLoss cannot express. Sequence modes take
 * float targets [batch, labels]: softmax cross-entropy or per-label sigmoid binary cross-entropy.
 */
final class HeadLoss extends Loss {
  enum Mode { TOKEN, SOFTMAX, SIGMOID }

  private final Mode mode;

  HeadLoss(Mode mode) {
    super("head_loss_" + mode.name().toLowerCase(java.util.Locale.ROOT));
    this.mode = mode;
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
      // log(1 + e^x) - x*t, written stably as max(x, 0) - x*t + log(1 + e^-|x|)
      case SIGMOID -> logits.maximum(0f).sub(logits.mul(target)).add(logits.abs().neg().exp().add(1f).log()).mean();
    };
  }
}
