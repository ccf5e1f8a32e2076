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
}
