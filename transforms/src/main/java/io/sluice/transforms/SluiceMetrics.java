package io.sluice.transforms;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** Names of the Beam metrics Sluice transforms report; jobs read them for progress and summaries. */
public final class SluiceMetrics {
  public static final String NAMESPACE = "sluice";
  /** Documents that went through detection. */
  public static final String DOCUMENTS_DETECTED = "documents_detected";
  /** Documents that left the redaction step (redacted, or only reported with --report-only). */
  public static final String DOCUMENTS_COMPLETED = "documents_completed";
  public static final String FINDINGS = "findings";
  /** Prefix of per-entity finding counters: {@code findings.EMAIL_ADDRESS}. */
  public static final String FINDINGS_BY_ENTITY_PREFIX = "findings.";
  /** Prefix of per-detector finding counters: {@code findings_by_detector.EmailRecognizer}. */
  public static final String FINDINGS_BY_DETECTOR_PREFIX = "findings_by_detector.";
  /** Prefix of per-kind dead-letter counters: {@code dead_letters.MALFORMED_JSON}. */
  public static final String DEAD_LETTERS_BY_KIND_PREFIX = "dead_letters.";
  public static final String DEAD_LETTERS = "dead_letters";
  public static final String DETECT_BATCH_MS = "detect_batch_ms";

  private static final Counter DEAD_LETTER_TOTAL = Metrics.counter(NAMESPACE, DEAD_LETTERS);
  private static final KeyedCounters DEAD_LETTERS_BY_KIND = new KeyedCounters(NAMESPACE, DEAD_LETTERS_BY_KIND_PREFIX);

  private SluiceMetrics() {}

  /** Counts a dead letter in the total and under its kind; call from inside a DoFn. */
  public static void countDeadLetter(String errorKind) {
    DEAD_LETTER_TOTAL.inc();
    DEAD_LETTERS_BY_KIND.of(errorKind).inc();
  }
}
