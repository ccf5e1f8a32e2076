package io.sluice.pipelines.io;

import io.sluice.pipelines.summary.JobMetrics;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.SluiceMetrics;
import io.sluice.transforms.TaggedRecords;
import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn.MultiOutputReceiver;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Where every reading DoFn sends what it read, and the only place that counts records read, so each reader
 * reconciles the same way: every record it sees is emitted exactly once, as a document or a dead letter. Either
 * to two outputs ({@link #split()}, a {@link ReadResult}) or tagged into one ({@link #tagged}).
 *
 * @param <T> the main output's type
 */
abstract class ReadOutputs<T> implements Serializable {
  static final String STAGE = "read";
  static final TupleTag<Document> DOCUMENTS = new TupleTag<>() {};
  static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private static final Counter READ = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.RECORDS_READ);

  /** Documents to {@link #DOCUMENTS}, dead letters to {@link #DEAD_LETTERS}. */
  static ReadOutputs<Document> split() {
    return new Split();
  }

  /** Documents and dead letters, tagged by {@code records}, to one output. */
  static <T> ReadOutputs<T> tagged(TaggedRecords<T> records) {
    return new Tagged<>(records);
  }

  abstract TupleTag<T> mainTag();

  abstract TupleTagList additionalTags();

  protected abstract void emitDocument(MultiOutputReceiver out, Document document);

  protected abstract void emitDeadLetter(MultiOutputReceiver out, DeadLetter deadLetter);

  final void document(MultiOutputReceiver out, Document document) {
    READ.inc();
    emitDocument(out, document);
  }

  final void deadLetter(MultiOutputReceiver out, DeadLetter deadLetter) {
    READ.inc();
    // The transforms' shared dead-letter counters, so "dead_letters" covers every stage.
    SluiceMetrics.countDeadLetter(deadLetter.getErrorKind());
    emitDeadLetter(out, deadLetter);
  }

  private static final class Split extends ReadOutputs<Document> {
    @Override
    TupleTag<Document> mainTag() {
      return DOCUMENTS;
    }

    @Override
    TupleTagList additionalTags() {
      return TupleTagList.of(DEAD_LETTERS);
    }

    @Override
    protected void emitDocument(MultiOutputReceiver out, Document document) {
      out.get(DOCUMENTS).output(document);
    }

    @Override
    protected void emitDeadLetter(MultiOutputReceiver out, DeadLetter deadLetter) {
      out.get(DEAD_LETTERS).output(deadLetter);
    }
  }

  private static final class Tagged<T> extends ReadOutputs<T> {
    private final TaggedRecords<T> records;
    private final TupleTag<T> tag = new TupleTag<>() {};

    Tagged(TaggedRecords<T> records) {
      this.records = records;
    }

    @Override
    TupleTag<T> mainTag() {
      return tag;
    }

    @Override
    TupleTagList additionalTags() {
      return TupleTagList.empty();
    }

    @Override
    protected void emitDocument(MultiOutputReceiver out, Document document) {
      out.get(tag).output(records.document(document));
    }

    @Override
    protected void emitDeadLetter(MultiOutputReceiver out, DeadLetter deadLetter) {
      out.get(tag).output(records.deadLetter(deadLetter));
    }
  }
}
