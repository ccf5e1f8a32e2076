package io.sluice.models.encoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A lookup table [rows, dim] indexed by integer ids (BERT's embeddings, a decoder's embed_tokens, whose table
 * doubles as the output projection when embeddings are tied).
 */
public final class HfEmbedding extends HfBlock {
  private final long rows;
  private final long dim;
  private final Parameter weight;

  public HfEmbedding(long rows, long dim) {
    this.rows = rows;
    this.dim = dim;
    this.weight = parameter("weight", Parameter.Type.WEIGHT, new NormalInitializer(0.02f));
  }

  @Override
  protected void declareShapes() {
    shapeIfUnloaded(weight, new Shape(rows, dim));
  }

  /** The table itself [rows, dim] on {@code device}. */
  public NDArray table(ParameterStore ps, Device device, boolean training) {
    return ps.getValue(weight, device, training);
  }

  public NDArray apply(ParameterStore ps, NDArray ids, boolean training) {
    NDArray w = table(ps, ids.getDevice(), training);
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
