package io.sluice.models.generate;

/**
 * Restricts what one sequence may generate next. The generator keeps one instance per sequence: before sampling
 * each token it calls {@link #maskLogits}, after choosing it calls {@link #accept}. Instances are stateful and
 * used by one thread; a {@link ConstraintFactory} makes a fresh one per request.
 */
public interface LogitsConstraint {

  /** Sets the logit of every token that may not come next to negative infinity; leaves the others unchanged. */
  void maskLogits(float[] logits);

  /** Advances the constraint past the chosen token; the token must have been allowed by the last mask. */
  void accept(int tokenId);

  /** True once the output is complete and valid: the generator ends the sequence (as with an end token). */
  boolean isComplete();
}
