package io.sluice.models.weights;

import java.util.Arrays;

/**
 * A named FP32 weight tensor held in Java memory, row-major. Every weight source (safetensors, ONNX) decodes
 * into this form, so precision conversions (FP16, BF16) happen in one place and never inside DJL.
 */
public record Tensor(String name, long[] shape, float[] data) {
  public Tensor {
    long expected = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new WeightFormatException("negative dimension in tensor " + name);
      }
      expected *= d;
    }
    if (expected != data.length) {
      throw new WeightFormatException(
          "tensor " + name + " has shape " + Arrays.toString(shape) + " but " + data.length + " values");
    }
  }

  public Tensor withName(String newName) {
    return new Tensor(newName, shape, data);
  }

  /** The transpose of a 2-D tensor (ONNX MatMul weights are [in, out]; torch Linear wants [out, in]). */
  public Tensor transpose2d() {
    if (shape.length != 2) {
      throw new WeightFormatException("cannot transpose " + shape.length + "-d tensor " + name);
    }
    int rows = (int) shape[0];
    int cols = (int) shape[1];
    float[] out = new float[data.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = data[r * cols + c];
      }
    }
    return new Tensor(name, new long[] {cols, rows}, out);
  }

  @Override
  public String toString() {
    return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t
        && name.equals(t.name)
        && Arrays.equals(shape, t.shape)
        && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(shape);
  }
}
