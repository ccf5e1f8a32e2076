package io.sluice.models.decoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.sluice.models.encoder.HfBlock;

/** embed_tokens [vocab, hidden]; its table doubles as the output projection when embeddings are tied. */
final class TokenEmbedding extends HfBlock {
  private final long vocab;
  private final long dim;
  private final Parameter weight;

  TokenEmbedding(long vocab, long dim) {
    this.vocab = vocab;
    this.dim = dim;
    this.weight = parameter("weight", Parameter.Type.WEIGHT, new NormalInitializer(0.02f));
  }

  @Override
  protected void declareShapes() {
    shapeIfUnloaded(weight, new Shape(vocab, dim));
  }

  NDArray table(ParameterStore ps, Device device) {
    return ps.getValue(weight, device, false);
  }

  NDArray apply(ParameterStore ps, NDArray ids) {
    return ids.getNDArrayInternal().embedding(ids, table(ps, ids.getDevice()), SparseFormat.DENSE).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(dim)};
  }
}
