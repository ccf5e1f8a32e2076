package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The cos/sin tables of one forward call, for the positions of its tokens ([batch, seq], each sequence at its
 * own position), shaped [batch, seq, 1, headDim] to broadcast over heads. Rotation as transformers' rotate_half:
 * the first and second halves of each head form the pairs.
 */
final class Rotary {
  private final NDArray cos;
  private final NDArray sin;
  private final int half;

  Rotary(NDManager manager, float[] inverseFrequencies, long[][] positions, DataType dtype) {
    int batch = positions.length;
    int seq = positions[0].length;
    half = inverseFrequencies.length;
    float[] pos = new float[batch * seq];
    for (int b = 0; b < batch; b++) {
      for (int s = 0; s < seq; s++) {
        pos[b * seq + s] = positions[b][s];
      }
    }
    NDArray freqs = manager.create(pos, new Shape(batch, seq, 1))
        .mul(manager.create(inverseFrequencies, new Shape(1, 1, half)));
    NDArray angles = NDArrays.concat(new NDList(freqs, freqs), -1).reshape(batch, seq, 1, 2L * half);
    this.cos = angles.cos().toType(dtype, false);
    this.sin = angles.sin().toType(dtype, false);
  }

  /** x [batch, seq, heads, headDim] rotated by each token's position (split needs a non-negative axis). */
  NDArray apply(NDArray x) {
    NDList halves = x.split(new long[] {half}, 3);
    NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), -1);
    return x.mul(cos).addi(rotated.muli(sin));
  }
}
