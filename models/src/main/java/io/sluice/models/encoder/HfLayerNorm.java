package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** Layer normalization over the last axis, HF names (weight = gamma, bias = beta). */
final class HfLayerNorm extends HfBlock {
  private final long size;
  private final float eps;
  private final Parameter weight;
  private final Parameter bias;

  HfLayerNorm(long size, float eps) {
    this.size = size;
    this.eps = eps;
    this.weight = parameter("weight", Parameter.Type.GAMMA, Initializer.ONES);
    this.bias = parameter("bias", Parameter.Type.BETA, Initializer.ZEROS);
  }

  @Override
  protected void declareShapes() {
    shapeIfUnloaded(weight, new Shape(size));
    shapeIfUnloaded(bias, new Shape(size));
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray g = ps.getValue(weight, x.getDevice(), training);
    NDArray b = ps.getValue(bias, x.getDevice(), training);
    return LayerNorm.layerNorm(x, new Shape(size), g, b, eps).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
