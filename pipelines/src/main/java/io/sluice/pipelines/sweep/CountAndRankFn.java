package io.sluice.pipelines.sweep;

import io.sluice.pipelines.summary.BundleTopDocuments;
import io.sluice.pipelines.summary.CountWritten;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.DocumentFindingCount;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;

/**
 * The step just before the sweep's sink: counts every record as written (for the reconciliation and the summary,
 * added to the job's counters when the bundle finishes) and passes it on; at the end of each bundle adds that bundle's candidates for the top documents, as
 * {@link SweepOutput#TOP_DOCUMENT} records that the sink stages. Ranking here, on the way to the sink, saves the
 * documents a second consumer.
 */
final class CountAndRankFn extends DoFn<SweepRecord, SweepRecord> {
  private final int topDocuments;
  private transient BundleTopDocuments top;
  private transient CountWritten counts;

  CountAndRankFn(int topDocuments) {
    this.topDocuments = topDocuments;
  }

  @StartBundle
  public void startBundle() {
    top = new BundleTopDocuments(topDocuments);
    counts = new CountWritten();
  }

  @ProcessElement
  public void process(@Element SweepRecord record, OutputReceiver<SweepRecord> out) {
    switch (record.kind()) {
      case DOCUMENT -> {
        RedactedDocument document = (RedactedDocument) record.record();
        counts.document(document);
        top.offer(document.getId(), document.getFindingCount());
      }
      case FINDING -> counts.finding((Finding) record.record());
      case DEAD_LETTER -> counts.deadLetter((DeadLetter) record.record());
      case QUARANTINED -> counts.quarantined();
      case MODERATION -> { }
      case TOP_DOCUMENT -> throw new IllegalArgumentException("top-document candidates are made here, not counted");
      case UNPROCESSED -> throw new IllegalArgumentException("a document reached the sink unprocessed: the stage must "
          + "turn every document it is given into a result or a dead letter");
    }
    out.output(record);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    counts.commit();
    for (DocumentFindingCount candidate : top.drain()) {
      context.output(new SweepRecord(SweepOutput.TOP_DOCUMENT, candidate), BoundedWindow.TIMESTAMP_MIN_VALUE,
          GlobalWindow.INSTANCE);
    }
  }
}
