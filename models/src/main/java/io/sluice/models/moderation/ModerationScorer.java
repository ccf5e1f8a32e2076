package io.sluice.models.moderation;

import java.util.List;
import java.util.Set;

/**
 * Scores texts for every {@link ModerationCategory}. Long texts are scored in pieces (token windows, or sentence
 * chunks for our head) and a harm category takes its maximum over pieces (harm anywhere in a document is harm in
 * the document; our head scores spam, a property of the whole message, by the pieces' mean). Thread-safe; one instance per
 * JVM is shared through the model cache.
 */
public interface ModerationScorer extends AutoCloseable {
  String id();

  /** [text][category ordinal] probabilities in [0, 1]; categories outside {@link #covered()} score 0. */
  float[][] score(List<String> texts);

  /** The categories this model actually predicts. */
  Set<ModerationCategory> covered();

  /** Per-category thresholds the model was tuned with, in category order (a policy may override them). */
  float[] defaultThresholds();

  /** Tokens the encoder has processed so far (real, not padding), for throughput metrics. */
  long tokensProcessed();

  @Override
  void close();
}
