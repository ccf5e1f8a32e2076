package io.sluice.pipelines.summary;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Pass-through steps placed just before the sinks: they count what is written, which is what the
 * reconciliation and the summary report. Keyed counters (per entity, detector, dead-letter kind) are
 * created by name on first use; Beam merges them across workers.
 */
public final class CountWritten {
  private CountWritten() {}

  /** Counts written documents and their code points, and advances the progress line. */
  public static final class Documents extends DoFn<RedactedDocument, RedactedDocument> {
    private final Counter documents = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DOCUMENTS_WRITTEN);
    private final Counter characters = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.CHARACTERS_WRITTEN);

    @ProcessElement
    public void process(@Element RedactedDocument document, OutputReceiver<RedactedDocument> out) {
      documents.inc();
      String text = document.getText();
      characters.inc(text.codePointCount(0, text.length()));
      ProgressTracker.documentDone();
      out.output(document);
    }
  }

  /**
   * Counts quarantined documents: they are written (to quarantine/), so they count as written for the
   * reconciliation, and separately so the summary can say how many were held back.
   */
  public static final class Quarantined extends DoFn<Document, Document> {
    private final Counter documents = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DOCUMENTS_WRITTEN);
    private final Counter quarantined = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DOCUMENTS_QUARANTINED);

    @ProcessElement
    public void process(@Element Document document, OutputReceiver<Document> out) {
      documents.inc();
      quarantined.inc();
      ProgressTracker.documentDone();
      out.output(document);
    }
  }

  /** Counts typed records (extraction) and advances the progress line. */
  public static final class Records extends DoFn<GenericRecord, GenericRecord> {
    private final Counter records = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.RECORDS_WRITTEN);

    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<GenericRecord> out) {
      records.inc();
      ProgressTracker.documentDone();
      out.output(record);
    }
  }

  /** Counts findings in total, per entity type and per detector. */
  public static final class Findings extends DoFn<Finding, Finding> {
    private final Counter findings = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_WRITTEN);

    @ProcessElement
    public void process(@Element Finding finding, OutputReceiver<Finding> out) {
      findings.inc();
      Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_BY_ENTITY + finding.getEntityType()).inc();
      Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.FINDINGS_BY_DETECTOR + finding.getDetector()).inc();
      out.output(finding);
    }
  }

  /** Counts dead letters in total and per error kind. */
  public static final class DeadLetters extends DoFn<DeadLetter, DeadLetter> {
    private final Counter deadLetters = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DEAD_LETTERS_WRITTEN);

    @ProcessElement
    public void process(@Element DeadLetter deadLetter, OutputReceiver<DeadLetter> out) {
      deadLetters.inc();
      Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.DEAD_LETTERS_BY_KIND + deadLetter.getErrorKind()).inc();
      out.output(deadLetter);
    }
  }
}
