package io.sluice.models.moderation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import io.sluice.models.weights.Tensor;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * The multi-label moderation head: sentence features -> Linear(hidden) -> ReLU -> Dropout -> Linear(one logit
 * per category). Sigmoid turns logits into independent per-category probabilities. Saved as four tensors
 * (hidden.weight/bias, out.weight/bias; weights stored [out, in] as DJL and PyTorch keep them).
 */
public final class ModerationHead {
  private final SequentialBlock block = new SequentialBlock();
  private final Linear hidden;
  private final Linear out;
  private final int inputSize;
  private final int hiddenSize;
  private final int labels;

  public ModerationHead(int inputSize, int hiddenSize, int labels, float dropout) {
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.labels = labels;
    this.hidden = Linear.builder().setUnits(hiddenSize).build();
    this.out = Linear.builder().setUnits(labels).build();
    block.add(hidden).add(Activation::relu).add(Dropout.builder().optRate(dropout).build()).add(out);
  }

  public SequentialBlock block() {
    return block;
  }

  public int inputSize() {
    return inputSize;
  }

  public int hiddenSize() {
    return hiddenSize;
  }

  public void initialize(NDManager manager) {
    block.initialize(manager, DataType.FLOAT32, new Shape(1, inputSize));
  }

  /** features [batch, input] -> logits [batch, labels]. */
  public NDArray logits(ParameterStore ps, NDArray features, boolean training) {
    return block.forward(ps, new NDList(features), training).singletonOrThrow();
  }

  public List<Tensor> toTensors() {
    return List.of(tensor("hidden.weight", hidden, "weight"), tensor("hidden.bias", hidden, "bias"),
        tensor("out.weight", out, "weight"), tensor("out.bias", out, "bias"));
  }

  /** Fills an initialized head from saved tensors, checking every shape. */
  public void load(Map<String, Tensor> tensors) {
    set(hidden, "weight", tensors.get("hidden.weight"), new Shape(hiddenSize, inputSize));
    set(hidden, "bias", tensors.get("hidden.bias"), new Shape(hiddenSize));
    set(out, "weight", tensors.get("out.weight"), new Shape(labels, hiddenSize));
    set(out, "bias", tensors.get("out.bias"), new Shape(labels));
  }

  private static Tensor tensor(String name, Linear layer, String param) {
    NDArray a = layer.getParameters().get(param).getArray();
    return new Tensor(name, a.getShape().getShape(), a.toType(DataType.FLOAT32, false).toFloatArray());
  }

  private static void set(Linear layer, String param, Tensor t, Shape expected) {
    if (t == null || !new Shape(t.shape()).equals(expected)) {
      throw new IllegalArgumentException("moderation head weight " + param + " missing or not of shape " + expected);
    }
    layer.getParameters().get(param).getArray().set(FloatBuffer.wrap(t.data()));
  }
}
