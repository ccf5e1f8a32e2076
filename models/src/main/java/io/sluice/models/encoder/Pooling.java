package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Locale;

/** Turns token states [batch, seq, hidden] into one vector per sequence. */
public enum Pooling {
  /** Average over attended tokens (special tokens included, as sentence-transformers does). */
  MEAN,
  /** The first token's state ([CLS] / &lt;s&gt;), as BGE does. */
  CLS;

  public NDArray pool(NDArray hidden, NDArray mask) {
    if (this == CLS) {
      return hidden.get(new NDIndex(":, 0, :"));
    }
    NDArray m = mask.toType(hidden.getDataType(), false).expandDims(2);
    // PtNDArray reductions take one axis at a time
    return hidden.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
  }

  public static Pooling parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown pooling '" + name + "'; use mean or cls", e);
    }
  }
}
