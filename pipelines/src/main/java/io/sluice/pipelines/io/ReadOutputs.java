package io.sluice.pipelines.io;

import io.sluice.pipelines.summary.JobMetrics;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.SluiceMetrics;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn.MultiOutputReceiver;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The two outputs of every reading DoFn, and the only place that counts records read, so each reader
 * reconciles the same way: every record it sees is emitted exactly once, as a document or a dead letter.
 */
final class ReadOutputs {
  static final String STAGE = "read";
  static final TupleTag<Document> DOCUMENTS = new TupleTag<>() {};
  static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private static final Counter READ = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.RECORDS_READ);

  private ReadOutputs() {}

  static void document(MultiOutputReceiver out, Document document) {
    READ.inc();
    out.get(DOCUMENTS).output(document);
  }

  static void deadLetter(MultiOutputReceiver out, DeadLetter deadLetter) {
    READ.inc();
    // The transforms' shared dead-letter counters, so "dead_letters" covers every stage.
    SluiceMetrics.countDeadLetter(deadLetter.getErrorKind());
    out.get(DEAD_LETTERS).output(deadLetter);
  }
}
