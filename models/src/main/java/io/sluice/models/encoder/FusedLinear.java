package io.sluice.models.encoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Several linear maps on the same input as one, for inference: weights concatenated along the output axis.
 * The arrays are copies owned by the parameters' manager, so they live as long as the model.
 */
final class FusedLinear {
  private final NDArray weight;
  private final NDArray bias;

  private FusedLinear(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
  }

  static FusedLinear concat(ParameterStore ps, Device device, HfLinear... parts) {
    NDArray[] weights = new NDArray[parts.length];
    NDArray[] biases = new NDArray[parts.length];
    for (int i = 0; i < parts.length; i++) {
      weights[i] = parts[i].weight(ps, device);
      biases[i] = parts[i].bias(ps, device);
    }
    NDArray w = NDArrays.concat(new ai.djl.ndarray.NDList(weights), 0);
    NDArray b = NDArrays.concat(new ai.djl.ndarray.NDList(biases), 0);
    // attach to the long-lived manager of the parameters, not the per-call one
    w.attach(weights[0].getManager());
    b.attach(biases[0].getManager());
    return new FusedLinear(w, b);
  }

  NDArray apply(NDArray x) {
    return Linear.linear(x, weight, bias).singletonOrThrow();
  }
}
