package io.sluice.models.ner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy with a larger weight on entity tags than on "O": most tokens are outside any entity,
 * and for PII a missed name costs more than an extra redaction (the F2 the targets use weighs recall so).
 * Labels of -1 are ignored.
 */
final class WeightedTagLoss extends Loss {
  private final int tags;
  private final float entityWeight;

  WeightedTagLoss(int tags, float entityWeight) {
    super("weighted_tag_loss");
    this.tags = tags;
    this.entityWeight = entityWeight;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray gold = labels.singletonOrThrow().toType(ai.djl.ndarray.types.DataType.INT32, false);
    NDArray oneHot = gold.maximum(0).oneHot(tags).toType(logits.getDataType(), false);
    // a label of -1 marks a position that is no token of the text (special token, padding): weight 0
    NDArray weights = gold.gt(0).toType(logits.getDataType(), false).mul(entityWeight - 1).add(1)
        .mul(gold.gte(0).toType(logits.getDataType(), false));
    NDArray nll = logits.logSoftmax(-1).mul(oneHot).sum(new int[] {1}).neg();
    return nll.mul(weights).sum().div(weights.sum());
  }
}
