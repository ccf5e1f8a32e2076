package io.sluice.models.encoder;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A node of the parameter tree that exists so parameter paths match Hugging Face names
 * (e.g. "encoder.layer.3.attention"); its parent runs the children directly, so it is never forwarded.
 */
public abstract class NamingOnlyBlock extends HfBlock {
  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is run by its parent block");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
