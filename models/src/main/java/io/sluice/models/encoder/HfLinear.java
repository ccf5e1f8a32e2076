package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/** y = x W^T + b with HF's parameter names and layout (weight [out, in], bias [out]). */
final class HfLinear extends HfBlock {
  private final long in;
  private final long out;
  private final Parameter weight;
  private final Parameter bias;

  HfLinear(long in, long out) {
    this.in = in;
    this.out = out;
    // 0.02 is the initializer range BERT-family configs use for freshly initialized weights
    this.weight = parameter("weight", Parameter.Type.WEIGHT, new NormalInitializer(0.02f));
    this.bias = parameter("bias", Parameter.Type.BIAS, Initializer.ZEROS);
  }

  @Override
  protected void declareShapes() {
    shapeIfUnloaded(weight, new Shape(out, in));
    shapeIfUnloaded(bias, new Shape(out));
  }

  NDArray weight(ParameterStore ps, ai.djl.Device device) {
    return ps.getValue(weight, device, false);
  }

  NDArray bias(ParameterStore ps, ai.djl.Device device) {
    return ps.getValue(bias, device, false);
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = ps.getValue(bias, x.getDevice(), training);
    return Linear.linear(x, w, b).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }
}
