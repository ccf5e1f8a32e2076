package io.sluice.models.moderation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.sluice.models.encoder.Pooling;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.WindowAggregation;
import java.util.List;

/**
 * What the moderation head reads: the encoder's pooled state per window, L2-normalised (all-MiniLM-L6-v2's
 * sentence embedding). Training caches exactly these vectors and inference computes them per window, so both
 * sides see the same features.
 */
final class SentenceFeatures {
  private SentenceFeatures() {}

  /**
   * Features per text, [text][hidden], in FP32; a text longer than one window averages its windows' features
   * (the texts the head reads, training examples and chunks of documents, nearly always fit one).
   */
  static float[][] of(EncoderModel encoder, List<String> texts) {
    return encoder.perText(texts, (hidden, mask) -> of(hidden, mask, encoder.pooling()).toType(DataType.FLOAT32,
        false), WindowAggregation.WEIGHTED_MEAN);
  }

  /** hidden [batch, seq, hidden], mask [batch, seq] -> [batch, hidden] unit vectors. */
  static NDArray of(NDArray hidden, NDArray mask, Pooling pooling) {
    NDArray pooled = pooling.pool(hidden, mask);
    NDArray norm = pooled.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f);
    return pooled.div(norm);
  }
}
