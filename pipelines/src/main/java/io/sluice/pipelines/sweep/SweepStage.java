package io.sluice.pipelines.sweep;

import io.sluice.schemas.Document;
import org.apache.beam.sdk.values.PCollection;

/**
 * The processing between reading and writing. The sweep plugs detection and redaction in here; keeping
 * it separate lets the I/O, reconciliation and summary be reused and tested on their own.
 */
@FunctionalInterface
public interface SweepStage {
  StageResult apply(PCollection<Document> documents);

  /**
   * The stage on the sweep's one collection of records as read: documents still to be processed and the reader's
   * dead letters. By default the documents are split off, given to {@link #apply} and its results tagged back in
   * ({@link DocumentStage}); a stage that works on the tagged records directly overrides this and saves the
   * two-output split, which Beam's Spark runner would cache as a copy of the corpus.
   */
  default StageRecords applyToRecords(PCollection<SweepRecord> records) {
    return DocumentStage.apply(this, records);
  }
}
