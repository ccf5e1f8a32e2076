package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of one layer for every slot: [slots, capacity, kvHeads, headDim], also seen flat as
 * [slots * capacity, kvHeads * headDim] so that a step writes each sequence's new row at its own position
 * with one indexed copy, whatever the positions of the other sequences.
 */
final class LayerCache {
  private final NDArray keys;
  private final NDArray values;
  private final NDArray flatKeys;
  private final NDArray flatValues;

  LayerCache(NDManager manager, int slots, int capacity, int kvHeads, int headDim, DataType dtype) {
    Shape shape = new Shape(slots, capacity, kvHeads, headDim);
    this.keys = manager.zeros(shape, dtype);
    this.values = manager.zeros(shape, dtype);
    this.flatKeys = keys.reshape((long) slots * capacity, (long) kvHeads * headDim);
    this.flatValues = values.reshape((long) slots * capacity, (long) kvHeads * headDim);
  }

  /** k, v: [batch, seq, kvHeads, headDim] of the current call. */
  void write(StepPlan plan, NDArray k, NDArray v) {
    flatKeys.set(new NDIndex("{}", plan.cacheRows()), rows(plan, k));
    flatValues.set(new NDIndex("{}", plan.cacheRows()), rows(plan, v));
  }

  private static NDArray rows(StepPlan plan, NDArray x) {
    Shape s = x.getShape();
    NDArray flat = x.reshape(s.get(0) * s.get(1), s.get(2) * s.get(3));
    return plan.tokenRows() == null ? flat : flat.get(new NDIndex("{}", plan.tokenRows()));
  }

  /** The first {@code length} keys of every slot as [slots, kvHeads, length, headDim], owned by {@code scope}. */
  NDArray keys(NDManager scope, int length) {
    return prefix(keys, scope, length);
  }

  NDArray values(NDManager scope, int length) {
    return prefix(values, scope, length);
  }

  private static NDArray prefix(NDArray cache, NDManager scope, int length) {
    NDArray view = cache.get(new NDIndex(":, 0:{}", length));
    view.attach(scope); // views would otherwise pile up in the cache's manager, one per layer and step
    return view.transpose(0, 2, 1, 3);
  }
}
