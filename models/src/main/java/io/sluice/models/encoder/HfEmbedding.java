package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/** A lookup table [rows, dim] indexed by integer ids. */
final class HfEmbedding extends HfBlock {
  private final long rows;
  private final long dim;
  private final Parameter weight;

  HfEmbedding(long rows, long dim) {
    this.rows = rows;
    this.dim = dim;
    this.weight = parameter("weight", Parameter.Type.WEIGHT, new NormalInitializer(0.02f));
  }

  @Override
  protected void declareShapes() {
    shapeIfUnloaded(weight, new Shape(rows, dim));
  }

  NDArray apply(ParameterStore ps, NDArray ids, boolean training) {
    NDArray w = ps.getValue(weight, ids.getDevice(), training);
    return ids.getNDArrayInternal().embedding(ids, w, SparseFormat.DENSE).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(dim)};
  }
}
