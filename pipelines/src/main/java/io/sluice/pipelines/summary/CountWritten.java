package io.sluice.pipelines.summary;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Counts what is written, which is what the reconciliation and the summary report: the counting
 * functions are called by the step just before a sink (the pass-through DoFns here, or the sweep's one
 * counting step). Keyed counters (per entity, detector, dead-letter kind) are created by name on first
 * use; Beam merges them across workers.
 */
public final class CountWritten {
  private static final Counter DOCUMENTS = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DOCUMENTS_WRITTEN);
  private static final Counter CHARACTERS = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.CHARACTERS_WRITTEN);
  private static final Counter QUARANTINED =
      Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DOCUMENTS_QUARANTINED);
  private static final Counter RECORDS = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.RECORDS_WRITTEN);
  private static final Counter FINDINGS = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_WRITTEN);
  private static final Counter DEAD_LETTERS =
      Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DEAD_LETTERS_WRITTEN);

  private CountWritten() {}

  /** A written document and its code points; advances the progress line. */
  public static void document(RedactedDocument document) {
    DOCUMENTS.inc();
    String text = document.getText();
    CHARACTERS.inc(text.codePointCount(0, text.length()));
    ProgressTracker.documentDone();
  }

  /**
   * A quarantined document: written (to quarantine/), so it counts as written for the reconciliation,
   * and separately so the summary can say how many were held back.
   */
  public static void quarantined() {
    DOCUMENTS.inc();
    QUARANTINED.inc();
    ProgressTracker.documentDone();
  }

  /** A finding, in total, per entity type and per detector. */
  public static void finding(Finding finding) {
    FINDINGS.inc();
    Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_BY_ENTITY + finding.getEntityType()).inc();
    Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_BY_DETECTOR + finding.getDetector()).inc();
  }

  /** A dead letter, in total and per error kind. */
  public static void deadLetter(DeadLetter deadLetter) {
    DEAD_LETTERS.inc();
    Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DEAD_LETTERS_BY_KIND + deadLetter.getErrorKind()).inc();
  }

  /** Counts typed records (extraction) and advances the progress line, passing them on to the sink. */
  public static final class Records extends DoFn<GenericRecord, GenericRecord> {
    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<GenericRecord> out) {
      RECORDS.inc();
      ProgressTracker.documentDone();
      out.output(record);
    }
  }

  /** Counts dead letters, passing them on to the sink. */
  public static final class DeadLetters extends DoFn<DeadLetter, DeadLetter> {
    @ProcessElement
    public void process(@Element DeadLetter deadLetter, OutputReceiver<DeadLetter> out) {
      deadLetter(deadLetter);
      out.output(deadLetter);
    }
  }
}
