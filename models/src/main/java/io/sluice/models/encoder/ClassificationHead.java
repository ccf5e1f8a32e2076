package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A linear classifier on encoder states, named "classifier" as in HF's *ForTokenClassification models:
 * per token (token classification) or on the pooled sequence (sequence classification). Outputs logits.
 */
public final class ClassificationHead extends HfBlock {
  public enum Level { TOKEN, SEQUENCE }

  private final Level level;
  private final Pooling pooling;
  private final HfLinear classifier;
  private final float dropout;
  private final int numLabels;

  public ClassificationHead(Level level, Pooling pooling, int hiddenSize, int numLabels, float dropout) {
    if (numLabels < 1) {
      throw new IllegalArgumentException("a classifier needs at least one label");
    }
    this.level = level;
    this.pooling = pooling;
    this.dropout = dropout;
    this.numLabels = numLabels;
    this.classifier = addChildBlock("classifier", new HfLinear(hiddenSize, numLabels));
  }

  public Level level() {
    return level;
  }

  public Pooling pooling() {
    return pooling;
  }

  public int numLabels() {
    return numLabels;
  }

  /** hidden [batch, seq, hidden], mask [batch, seq] -> logits [batch, seq, labels] or [batch, labels]. */
  public NDArray logits(ParameterStore ps, NDArray hidden, NDArray mask, boolean training) {
    NDArray x = level == Level.TOKEN ? hidden : pooling.pool(hidden, mask);
    if (training) {
      x = Dropout.dropout(x, dropout, true).singletonOrThrow();
    }
    return classifier.apply(ps, x, training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(logits(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {level == Level.TOKEN ? s.slice(0, 2).add(numLabels) : new Shape(s.get(0), numLabels)};
  }
}
