package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.sluice.models.encoder.HfBlock;

/** y = x W^T (+ b): HF's nn.Linear, weight [out, in]; decoder projections mostly have no bias. */
final class DecoderLinear extends HfBlock {
  private final long in;
  private final long out;
  private final Parameter weight;
  private final Parameter bias;

  DecoderLinear(long in, long out, boolean withBias) {
    this.in = in;
    this.out = out;
    // 0.02 is the initializer_range of Llama and Qwen configs (used only for weights no checkpoint provides)
    this.weight = parameter("weight", Parameter.Type.WEIGHT, new NormalInitializer(0.02f));
    this.bias = withBias ? parameter("bias", Parameter.Type.BIAS, Initializer.ZEROS) : null;
  }

  @Override
  protected void declareShapes() {
    shapeIfUnloaded(weight, new Shape(out, in));
    if (bias != null) {
      shapeIfUnloaded(bias, new Shape(out));
    }
  }

  NDArray apply(ParameterStore ps, NDArray x) {
    NDArray w = ps.getValue(weight, x.getDevice(), false);
    NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), false);
    return Linear.linear(x, w, b).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }
}
