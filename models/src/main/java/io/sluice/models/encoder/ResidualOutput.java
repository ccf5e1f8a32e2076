package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** LayerNorm(dense(x) + residual): HF's "attention.output" and "output" blocks (post-norm). */
final class ResidualOutput extends HfBlock {
  private final EncoderConfig config;
  private final HfLinear dense;
  private final HfLayerNorm norm;
  private final long out;

  ResidualOutput(EncoderConfig config, int in) {
    this.config = config;
    this.out = config.hiddenSize();
    this.dense = addChildBlock("dense", new HfLinear(in, config.hiddenSize()));
    this.norm = addChildBlock("LayerNorm", new HfLayerNorm(config.hiddenSize(), config.layerNormEps()));
  }

  NDArray apply(ParameterStore ps, NDArray x, NDArray residual, boolean training) {
    try (Temporaries t = new Temporaries(training)) {
      NDArray y = t.add(dense.apply(ps, x, training));
      if (training) {
        y = Dropout.dropout(y, config.hiddenDropout(), true).singletonOrThrow();
      }
      // in place at inference: y is this call's own temporary
      return norm.apply(ps, training ? t.add(y.add(residual)) : y.addi(residual), training);
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }
}
