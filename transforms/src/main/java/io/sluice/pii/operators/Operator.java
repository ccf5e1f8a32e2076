package io.sluice.pii.operators;

/**
 * Rewrites one detected value (Presidio's anonymizer "operator"). Implementations are immutable or
 * otherwise safe to call from many threads at once: one {@link Anonymizer} serves every DoFn thread.
 */
public interface Operator {

  /** The policy's name for this operator ({@code redact}, {@code mask}, ...), reported per detection. */
  String name();

  /**
   * The text written instead of {@code original}.
   *
   * @param entityType entity name of the detection, e.g. {@code CREDIT_CARD}
   * @param original the detected text, never empty
   */
  String apply(String entityType, String original);
}
