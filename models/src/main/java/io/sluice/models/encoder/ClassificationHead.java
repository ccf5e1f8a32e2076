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
  private final HfLinear pooler;

  /** @param pooler apply HF BERT's pooler, tanh(dense([CLS])), before the classifier (sequence level only) */
  public ClassificationHead(Level level, Pooling pooling, int hiddenSize, int numLabels, float dropout,
      boolean pooler) {
    if (numLabels < 1) {
      throw new IllegalArgumentException("a classifier needs at least one label");
    }
    this.level = level;
    this.pooling = pooling;
    this.dropout = dropout;
    this.numLabels = numLabels;
    this.classifier = addChildBlock("classifier", new HfLinear(hiddenSize, numLabels));
    this.pooler = pooler && level == Level.SEQUENCE ? addChildBlock("pooler", new Pooler(hiddenSize)).dense : null;
  }


  /** hidden [batch, seq, hidden], mask [batch, seq] -> logits [batch, seq, labels] or [batch, labels]. */
  public NDArray logits(ParameterStore ps, NDArray hidden, NDArray mask, boolean training) {
    NDArray x = level == Level.TOKEN ? hidden
        : pooler != null ? pooler.apply(ps, Pooling.CLS.pool(hidden, mask), training).tanh()
        : pooling.pool(hidden, mask);
    if (training) {
      x = Dropout.dropout(x, dropout, true).singletonOrThrow();
    }
    return classifier.apply(ps, x, training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(logits(ps, inputs.get(0), inputs.get(1), training));
  }

  /** Only holds "dense" under the HF name "pooler". */
  private static final class Pooler extends NamingOnlyBlock {
    final HfLinear dense;

    Pooler(int hiddenSize) {
      this.dense = addChildBlock("dense", new HfLinear(hiddenSize, hiddenSize));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {level == Level.TOKEN ? s.slice(0, 2).add(numLabels) : new Shape(s.get(0), numLabels)};
  }
}
