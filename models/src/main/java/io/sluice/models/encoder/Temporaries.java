package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Intermediate arrays of one block call, freed as soon as the call returns during inference. Otherwise they
 * live until the caller's NDManager closes: at batch 32 x 512 tokens that kept every layer's attention
 * scores (400 MB each) alive and the process grew past 13 GB. In training nothing is freed early, so the
 * arrays stay reachable for backward exactly as DJL expects.
 */
final class Temporaries implements AutoCloseable {
  private final List<NDArray> arrays;

  Temporaries(boolean training) {
    this.arrays = training ? null : new ArrayList<>();
  }

  NDArray add(NDArray a) {
    if (arrays != null) {
      arrays.add(a);
    }
    return a;
  }

  @Override
  public void close() {
    if (arrays != null) {
      arrays.forEach(NDArray::close);
      arrays.clear();
    }
  }
}
