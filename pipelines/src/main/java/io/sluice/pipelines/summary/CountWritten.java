package io.sluice.pipelines.summary;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import io.sluice.transforms.KeyedCounters;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Counts what is written, which is what the reconciliation and the summary report: the counting
 * functions are called by the step just before a sink (the pass-through DoFns here, or the sweep's one
 * counting step). Keyed counters (per entity, detector, dead-letter kind) are made on first use of their key
 * and reused; Beam merges them across workers.
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
  private static final KeyedCounters FINDINGS_BY_ENTITY =
      new KeyedCounters(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_BY_ENTITY);
  private static final KeyedCounters FINDINGS_BY_DETECTOR =
      new KeyedCounters(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_BY_DETECTOR);
  private static final KeyedCounters DEAD_LETTERS_BY_KIND =
      new KeyedCounters(JobMetrics.NAMESPACE, JobMetrics.DEAD_LETTERS_BY_KIND);

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
    FINDINGS_BY_ENTITY.of(finding.getEntityType()).inc();
    FINDINGS_BY_DETECTOR.of(finding.getDetector()).inc();
  }

  /** A dead letter, in total and per error kind. */
  public static void deadLetter(DeadLetter deadLetter) {
    DEAD_LETTERS.inc();
    DEAD_LETTERS_BY_KIND.of(deadLetter.getErrorKind()).inc();
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
