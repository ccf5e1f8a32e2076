package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.sluice.models.encoder.HfBlock;

/**
 * RMSNorm over the last axis: x / sqrt(mean(x^2) + eps) * weight. Like transformers, the statistics are taken
 * in FP32 even when the model runs in FP16, where squares of activations overflow.
 */
final class RmsNorm extends HfBlock {
  private final long dim;
  private final float eps;
  private final Parameter weight;

  RmsNorm(long dim, float eps) {
    this.dim = dim;
    this.eps = eps;
    this.weight = parameter("weight", Parameter.Type.GAMMA, Initializer.ONES);
  }

  @Override
  protected void declareShapes() {
    shapeIfUnloaded(weight, new Shape(dim));
  }

  NDArray apply(ParameterStore ps, NDArray x) {
    DataType dtype = x.getDataType();
    NDArray x32 = dtype == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    NDArray rms = x32.square().mean(new int[] {-1}, true).add(eps).sqrt();
    NDArray normed = x32.div(rms);
    if (dtype != DataType.FLOAT32) {
      normed = normed.toType(dtype, false);
    }
    return normed.mul(ps.getValue(weight, x.getDevice(), false));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
