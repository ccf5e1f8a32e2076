package io.sluice.models.ner;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.sluice.models.encoder.ReplacementLayer;
import io.sluice.models.runtime.EncoderModel;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The NER model's own copy of the encoder's top layer ({@link NerModelConfig#topLayer}): started from the shared
 * encoder's last layer, fine-tuned with the head ({@link TopLayerTrainer}), run on the states of the shared
 * encoder's other layers.
 */
final class NerTopLayer {
  private NerTopLayer() {}

  /** A copy of {@code encoder}'s last layer in {@code manager}, in FP32: the starting point of fine-tuning. */
  static ReplacementLayer copyOfLast(EncoderModel encoder, NDManager manager) {
    ReplacementLayer layer = new ReplacementLayer(encoder.config());
    layer.initialize(manager);
    layer.copyFrom(encoder.encoder().block(), encoder.config().numLayers() - 1);
    return layer;
  }

  /** Trained weights, read-only, in the encoder's precision (FP16 on GPU). */
  static ReplacementLayer load(EncoderModel encoder, NDManager manager, DataInputStream params) throws IOException {
    ReplacementLayer layer = new ReplacementLayer(encoder.config());
    layer.initialize(manager);
    try {
      layer.loadParameters(manager, params);
    } catch (MalformedModelException e) {
      throw new IOException("NER top layer weights do not match the encoder", e);
    }
    layer.freezeParameters(true);
    DataType precision = encoder.encoder().block().getParameters().valueAt(0).getArray().getDataType();
    if (precision != DataType.FLOAT32) {
      layer.cast(precision);
    }
    return layer;
  }

  /** Inference on one batch of the shared encoder's penultimate states; the result lives with {@code hidden}. */
  static NDArray apply(ReplacementLayer layer, NDArray hidden, NDArray mask) {
    return layer.apply(new ParameterStore(hidden.getManager(), false), hidden, mask, false);
  }
}
