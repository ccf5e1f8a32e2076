package io.sluice.models.encoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Several linear maps on the same input as one, for inference: weights concatenated along the output axis,
 * each part optionally scaled (a constant factor applied to a part's output folds into its weight and bias).
 * The arrays are copies owned by the parameters' manager, so they live as long as the model.
 */
final class FusedLinear {
  private final NDArray weight;
  private final NDArray bias;

  private FusedLinear(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
  }

  /** {@code outputScales[i]} multiplies part i's output; 1 leaves it unchanged. */
  static FusedLinear concat(ParameterStore ps, Device device, HfLinear[] parts, float[] outputScales) {
    NDList weights = new NDList();
    NDList biases = new NDList();
    try (NDManager scratch = parts[0].weight(ps, device).getManager().newSubManager()) {
      for (int i = 0; i < parts.length; i++) {
        weights.add(scaled(parts[i].weight(ps, device), outputScales[i], scratch));
        biases.add(scaled(parts[i].bias(ps, device), outputScales[i], scratch));
      }
      NDArray w = NDArrays.concat(weights, 0);
      NDArray b = NDArrays.concat(biases, 0);
      // attach to the long-lived manager of the parameters, not the per-call one; scaled copies die with scratch
      w.attach(parts[0].weight(ps, device).getManager());
      b.attach(parts[0].bias(ps, device).getManager());
      return new FusedLinear(w, b);
    }
  }

  private static NDArray scaled(NDArray parameter, float scale, NDManager scratch) {
    if (scale == 1f) {
      return parameter;
    }
    NDArray copy = parameter.mul(scale);
    copy.attach(scratch);
    return copy;
  }

  NDArray apply(NDArray x) {
    return Linear.linear(x, weight, bias).singletonOrThrow();
  }
}
