package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * A task's own copy of an encoder's top layer, run on the states the shared encoder's lower layers produce
 * ({@link TransformerEncoder#encode(ParameterStore, NDArray, NDArray, NDArray, boolean, int)}): the task
 * fine-tunes it while every other user of the encoder keeps the original. It starts as a copy of the layer it
 * replaces ({@link #copyFrom}), so fine-tuning begins from the pre-trained model.
 */
public final class ReplacementLayer extends HiddenStatesBlock {
  private static final String NAME = "layer";
  private final TransformerLayer layer;

  public ReplacementLayer(EncoderConfig config) {
    this.layer = addChildBlock(NAME, new TransformerLayer(config));
  }

  /** Allocates the parameters (shapes come from the config); load or copy weights into them next. */
  public void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1), new Shape(1, 1));
  }

  /** Copies the weights of layer {@code index} of {@code encoder}; both must have the same config. */
  public void copyFrom(TransformerEncoder encoder, int index) {
    Map<String, Parameter> source = HfParameterNames.of(encoder.layer(index));
    for (Map.Entry<String, Parameter> e : HfParameterNames.of(layer).entrySet()) {
      NDArray from = source.get(e.getKey()).getArray();
      e.getValue().getArray().set(FloatBuffer.wrap(from.toType(DataType.FLOAT32, false).toFloatArray()));
    }
  }

  /**
   * hidden [batch, seq, hidden] (the input of the replaced layer), attentionMask [batch, seq] (1 = token,
   * 0 = padding); returns [batch, seq, hidden].
   */
  public NDArray apply(ParameterStore ps, NDArray hidden, NDArray attentionMask, boolean training) {
    NDArray additiveMask = TransformerEncoder.additiveMaskIfPadded(attentionMask, hidden.getDataType());
    NDArray out = layer.apply(ps, hidden, additiveMask, training);
    if (!training && additiveMask != null) {
      additiveMask.close();
    }
    return out;
  }
}
