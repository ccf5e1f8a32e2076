package io.sluice.models.moderation;

import ai.djl.ndarray.NDArray;
import io.sluice.models.encoder.Pooling;

/**
 * What the moderation head reads: the encoder's pooled state per window, L2-normalised (all-MiniLM-L6-v2's
 * sentence embedding). Training caches exactly these vectors and inference computes them per window, so both
 * sides see the same features.
 */
final class SentenceFeatures {
  private SentenceFeatures() {}

  /** hidden [batch, seq, hidden], mask [batch, seq] -> [batch, hidden] unit vectors. */
  static NDArray of(NDArray hidden, NDArray mask, Pooling pooling) {
    NDArray pooled = pooling.pool(hidden, mask);
    NDArray norm = pooled.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f);
    return pooled.div(norm);
  }
}
