package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An encoder block that maps hidden states [batch, seq, hidden], given a second input (a mask), to hidden states
 * of the same shape. The layers call {@link #apply} directly; DJL's generic forward (a Trainer, a shape check)
 * goes through the same method.
 */
public abstract class HiddenStatesBlock extends HfBlock {

  abstract NDArray apply(ParameterStore ps, NDArray hidden, NDArray mask, boolean training);

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
