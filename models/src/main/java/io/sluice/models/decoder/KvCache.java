package io.sluice.models.decoder;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * The key/value cache of a batch of sequence slots: each slot holds one sequence at a time, up to
 * {@code capacity} tokens, and has its own length, so sequences of different lengths share a batch and a
 * finished slot can take a new sequence while the others continue. Used by one thread at a time.
 */
public final class KvCache implements AutoCloseable {
  private final NDManager manager;
  private final LayerCache[] layers;
  private final int[] lengths;
  private final int capacity;

  KvCache(NDManager parent, DecoderConfig c, int slots, int capacity, DataType dtype) {
    if (slots <= 0 || capacity <= 0) {
      throw new IllegalArgumentException("a KV cache needs at least one slot and one position");
    }
    this.manager = parent.newSubManager();
    this.layers = new LayerCache[c.numLayers()];
    for (int i = 0; i < layers.length; i++) {
      layers[i] = new LayerCache(manager, slots, capacity, c.numKvHeads(), c.headDim(), dtype);
    }
    this.lengths = new int[slots];
    this.capacity = capacity;
  }

  public int slots() {
    return lengths.length;
  }

  public int capacity() {
    return capacity;
  }

  /** Tokens cached for the sequence in {@code slot} (0 when free). */
  public int length(int slot) {
    return lengths[slot];
  }

  /** Frees a slot for the next sequence; its stale rows are overwritten before they are read again. */
  public void release(int slot) {
    lengths[slot] = 0;
  }

  LayerCache layer(int index) {
    return layers[index];
  }

  void setLength(int slot, int length) {
    if (length > capacity) {
      throw new IllegalStateException("sequence of " + length + " tokens exceeds the cache capacity " + capacity);
    }
    lengths[slot] = length;
  }

  int maxLength() {
    return Arrays.stream(lengths).max().orElse(0);
  }

  @Override
  public void close() {
    manager.close();
  }
}
