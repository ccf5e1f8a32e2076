package io.sluice.models.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.sluice.models.encoder.ClassificationHead;
import io.sluice.models.encoder.EncoderConfig;
import io.sluice.models.encoder.TransformerEncoder;
import io.sluice.models.encoder.WeightLoader;
import io.sluice.models.weights.Tensor;
import java.util.Map;

/**
 * An encoder (and optionally a classification head) with weights resident on one device, in FP32 (CPU) or
 * FP16 (GPU). Prediction is thread-safe: parameters are only read, and each call works in its own child
 * NDManager that is closed before returning.
 */
public final class LoadedEncoder implements AutoCloseable {
  private final NDManager manager;
  private final TransformerEncoder encoder;
  private final ClassificationHead head;
  /** Batch-row parallelism on CPU when PyTorch has several intra-op threads; null otherwise. */
  private final RowSlices rowSlices;

  private LoadedEncoder(NDManager manager, TransformerEncoder encoder, ClassificationHead head, RowSlices rowSlices) {
    this.manager = manager;
    this.encoder = encoder;
    this.head = head;
    this.rowSlices = rowSlices;
  }

  public static LoadedEncoder create(EncoderConfig config, Map<String, Tensor> weights, Device device, DataType dtype) {
    return create(config, weights, device, dtype, null, false);
  }

  /**
   * @param head a head whose "classifier.*" weights come from {@code weights}, or null
   * @param headMayBeNew true when the head is being added for training and has no weights yet
   */
  public static LoadedEncoder create(EncoderConfig config, Map<String, Tensor> weights, Device device, DataType dtype,
      ClassificationHead head, boolean headMayBeNew) {
    NDManager manager = NDManager.newBaseManager(device, "PyTorch");
    try {
      TransformerEncoder encoder = new TransformerEncoder(config);
      encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
      WeightLoader.load(encoder, weights, name -> false);
      if (head != null) {
        head.initialize(manager, DataType.FLOAT32, new Shape(1, 1, config.hiddenSize()), new Shape(1, 1));
        WeightLoader.load(head, weights, name -> headMayBeNew);
      }
      // inference only reads parameters: no gradient buffers (HeadTrainer unfreezes what it trains)
      encoder.freezeParameters(true);
      if (head != null) {
        head.freezeParameters(true);
      }
      if (dtype != DataType.FLOAT32) {
        encoder.cast(dtype);
        if (head != null) {
          head.cast(dtype);
        }
      }
      return new LoadedEncoder(manager, encoder, head, device.isGpu() ? null : RowSlices.forConfiguredThreads());
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The classification head, or null for a bare encoder. */
  public ClassificationHead head() {
    return head;
  }

  public TransformerEncoder block() {
    return encoder;
  }

  public EncoderConfig config() {
    return encoder.config();
  }

  public NDManager manager() {
    return manager;
  }

  /**
   * last_hidden_state for a padded batch, as a flat row-major [batch, seq, hidden] FP32 array.
   * ids and mask are [batch][seq] with equal row lengths.
   */
  public float[] lastHiddenState(long[][] ids, long[][] mask) {
    try (NDManager call = manager.newSubManager()) {
      NDArray hidden = forward(call, ids, mask);
      return hidden.toType(DataType.FLOAT32, false).toFloatArray();
    }
  }

  /**
   * Runs the encoder inside the caller's manager; the result belongs to that manager. On CPU with several
   * intra-op threads, a batch of several rows is split by rows across threads (see {@link RowSlices}).
   */
  public NDArray forward(NDManager call, long[][] ids, long[][] mask) {
    return forward(call, ids, mask, encoder.config().numLayers());
  }

  /** As {@link #forward(NDManager, long[][], long[][])}, through the first {@code layers} layers only. */
  public NDArray forward(NDManager call, long[][] ids, long[][] mask, int layers) {
    if (rowSlices != null && ids.length > 1) {
      return rowSlices.forward(call, ids, mask, (m, i, k) -> forwardOnThisThread(m, i, k, layers));
    }
    return forwardOnThisThread(call, ids, mask, layers);
  }

  private NDArray forwardOnThisThread(NDManager call, long[][] ids, long[][] mask, int layers) {
    NDArray idArray = call.create(ids);
    NDArray maskArray = call.create(mask);
    return encoder.encode(new ParameterStore(call, false), idArray, maskArray, null, false, layers);
  }

  @Override
  public void close() {
    if (rowSlices != null) {
      rowSlices.close();
    }
    manager.close();
  }
}
