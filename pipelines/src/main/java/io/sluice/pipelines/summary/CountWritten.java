package io.sluice.pipelines.summary;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import io.sluice.transforms.KeyedCounters;
import io.sluice.transforms.PendingCounts;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Counts what is written, which is what the reconciliation and the summary report: one instance per bundle of the
 * step just before a sink (the pass-through DoFns here, or the sweep's one counting step), which calls
 * {@link #commit} when the bundle finishes. Counts are summed in memory until then ({@link PendingCounts}): a sweep
 * counts every finding, about nine per document. Keyed counters (per entity, detector, dead-letter kind) are made on
 * first use of their key and reused; Beam merges them across workers. The progress line advances per document.
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

  private final PendingCounts pending = new PendingCounts();

  /** A written document and its code points; advances the progress line. */
  public void document(RedactedDocument document) {
    pending.add(DOCUMENTS, 1);
    String text = document.getText();
    pending.add(CHARACTERS, text.codePointCount(0, text.length()));
    ProgressTracker.documentDone();
  }

  /**
   * A quarantined document: written (to quarantine/), so it counts as written for the reconciliation,
   * and separately so the summary can say how many were held back.
   */
  public void quarantined() {
    pending.add(DOCUMENTS, 1);
    pending.add(QUARANTINED, 1);
    ProgressTracker.documentDone();
  }

  /** A finding, in total, per entity type and per detector. */
  public void finding(Finding finding) {
    pending.add(FINDINGS, 1);
    pending.add(FINDINGS_BY_ENTITY.of(finding.getEntityType()), 1);
    pending.add(FINDINGS_BY_DETECTOR.of(finding.getDetector()), 1);
  }

  /** A dead letter, in total and per error kind. */
  public void deadLetter(DeadLetter deadLetter) {
    pending.add(DEAD_LETTERS, 1);
    pending.add(DEAD_LETTERS_BY_KIND.of(deadLetter.getErrorKind()), 1);
  }

  /** A typed record (extraction); advances the progress line. */
  public void record() {
    pending.add(RECORDS, 1);
    ProgressTracker.documentDone();
  }

  /** Adds what was counted since the last commit to the job's counters; call before the bundle ends. */
  public void commit() {
    pending.commit();
  }

  /** Counts typed records (extraction) and advances the progress line, passing them on to the sink. */
  public static final class Records extends DoFn<GenericRecord, GenericRecord> {
    private transient CountWritten counts;

    @StartBundle
    public void startBundle() {
      counts = new CountWritten();
    }

    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<GenericRecord> out) {
      counts.record();
      out.output(record);
    }

    @FinishBundle
    public void finishBundle() {
      counts.commit();
    }
  }

  /** Counts dead letters, passing them on to the sink. */
  public static final class DeadLetters extends DoFn<DeadLetter, DeadLetter> {
    private transient CountWritten counts;

    @StartBundle
    public void startBundle() {
      counts = new CountWritten();
    }

    @ProcessElement
    public void process(@Element DeadLetter deadLetter, OutputReceiver<DeadLetter> out) {
      counts.deadLetter(deadLetter);
      out.output(deadLetter);
    }

    @FinishBundle
    public void finishBundle() {
      counts.commit();
    }
  }
}
