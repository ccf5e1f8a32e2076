package io.sluice.models.runtime;

import ai.djl.ndarray.NDArray;

/**
 * What runs on the encoder's output for one padded batch: hidden [batch, seq, hidden] and mask [batch, seq]
 * in, either per-token [batch, seq, k] or per-window [batch, k] out. Arrays live in a per-call manager.
 */
@FunctionalInterface
public interface BatchFunction {
  NDArray apply(NDArray hidden, NDArray mask);
}
