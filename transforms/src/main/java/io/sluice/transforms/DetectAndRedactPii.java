package io.sluice.transforms;

import io.sluice.pii.Detection;
import io.sluice.policy.Policy;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * {@link DetectPii} followed by {@link RedactPii} in one step: the same detection and redaction, with the
 * same outputs, metrics and dead letters (of both stages), but no collection of analyzed documents in
 * between. Runners that materialize every multi-output step (Beam's Spark runner caches each one) then
 * hold one copy of the corpus fewer. Use the two transforms apart to consume the analyzed documents.
 *
 * <pre>{@code
 * RedactPii.Result redacted = documents.apply(DetectAndRedactPii.with(policy));
 * PCollection<MyRecord> all = records.apply(DetectAndRedactPii.onRecords(policy, myTagging));
 * }</pre>
 */
public final class DetectAndRedactPii extends PTransform<PCollection<Document>, RedactPii.Result> {

  private final Policy policy;

  private DetectAndRedactPii(Policy policy) {
    this.policy = policy;
  }

  public static DetectAndRedactPii with(Policy policy) {
    return new DetectAndRedactPii(policy);
  }

  @Override
  public RedactPii.Result expand(PCollection<Document> documents) {
    TransformResult.requireGlobalWindow(documents, "DetectAndRedactPii");
    TupleTag<RedactedDocument> documentTag = new TupleTag<>() {};
    TupleTag<Finding> findingTag = new TupleTag<>() {};
    TupleTag<DeadLetter> deadLetterTag = new TupleTag<>() {};
    PCollectionTuple out =
        documents.apply(
            "AnalyzeAndRedact",
            ParDo.of(new AnalyzeAndRedactFn(policy, documentTag, findingTag, deadLetterTag))
                .withOutputTags(documentTag, TupleTagList.of(findingTag).and(deadLetterTag)));
    return new RedactPii.Result(
        out.get(documentTag).setCoder(AvroCoder.of(RedactedDocument.class)),
        out.get(findingTag).setCoder(AvroCoder.of(Finding.class)),
        out.get(deadLetterTag).setCoder(AvroCoder.of(DeadLetter.class)));
  }

  /**
   * The same step over a job's one collection of {@link TaggedRecords}: documents still to be processed are
   * detected and redacted, and their results, dead letters included, come out tagged in the same collection;
   * every other record passes through. One output, so Beam's Spark runner does not cache it.
   */
  public static <T> OnRecords<T> onRecords(Policy policy, TaggedRecords<T> records) {
    return new OnRecords<>(policy, records);
  }

  /** {@link DetectAndRedactPii} over tagged records: see {@link #onRecords}. */
  public static final class OnRecords<T> extends PTransform<PCollection<T>, PCollection<T>> {
    private final Policy policy;
    private final TaggedRecords<T> records;

    private OnRecords(Policy policy, TaggedRecords<T> records) {
      this.policy = policy;
      this.records = records;
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      TransformResult.requireGlobalWindow(input, "DetectAndRedactPii");
      TupleTag<T> tag = new TupleTag<>() {};
      // A main tag of our own (the Fn emits through Outputs by tag), and no other: a single-output step.
      return input
          .apply("AnalyzeAndRedact", ParDo.of(new TaggedRecordsFn<>(policy, records, tag))
              .withOutputTags(tag, TupleTagList.empty()))
          .get(tag)
          .setCoder(input.getCoder());
    }
  }

  /** Redacts each document as soon as detection has analyzed it; subclasses route the results. */
  abstract static class RedactingFn<InputT, OutputT> extends DetectPii.DetectingFn<InputT, OutputT> {
    private final Redaction redaction;

    RedactingFn(Policy policy) {
      super(policy, DetectPii.DEFAULT_BATCH_DOCUMENTS, DetectPii.DEFAULT_BATCH_CHARS);
      this.redaction = new Redaction(policy, false);
    }

    /** Where the results of the element at {@code index} go. */
    protected abstract Redaction.Emitter emitter(Outputs outputs, int index);

    @Override
    @Setup
    public void setup() {
      super.setup();
      redaction.setup();
    }

    @Override
    protected void analyzed(Document document, List<Detection> found, Outputs outputs, int index) {
      redaction.apply(document, found, emitter(outputs, index));
    }

    @Override
    protected void deadLettered(DeadLetter deadLetter, Outputs outputs, int index) {
      emitter(outputs, index).deadLetter(deadLetter);
    }
  }

  /** Documents in, one output tag per kind of result. */
  static final class AnalyzeAndRedactFn extends RedactingFn<Document, RedactedDocument> {
    private final TupleTag<RedactedDocument> documentTag;
    private final TupleTag<Finding> findingTag;
    private final TupleTag<DeadLetter> deadLetterTag;

    AnalyzeAndRedactFn(
        Policy policy,
        TupleTag<RedactedDocument> documentTag,
        TupleTag<Finding> findingTag,
        TupleTag<DeadLetter> deadLetterTag) {
      super(policy);
      this.documentTag = documentTag;
      this.findingTag = findingTag;
      this.deadLetterTag = deadLetterTag;
    }

    @Override
    protected Document documentOf(Document element) {
      return element;
    }

    @Override
    protected Redaction.Emitter emitter(Outputs outputs, int index) {
      return Redaction.Emitter.of(
          redacted -> outputs.output(documentTag, redacted, index),
          finding -> outputs.output(findingTag, finding, index),
          deadLetter -> outputs.output(deadLetterTag, deadLetter, index));
    }
  }

  /** Tagged records in, every result tagged into the one output. */
  static final class TaggedRecordsFn<T> extends RedactingFn<T, T> {
    private final TaggedRecords<T> records;
    private final TupleTag<T> tag;

    TaggedRecordsFn(Policy policy, TaggedRecords<T> records, TupleTag<T> tag) {
      super(policy);
      this.records = records;
      this.tag = tag;
    }

    @Override
    protected Document documentOf(T element) {
      return records.documentOf(element);
    }

    @Override
    protected void passThrough(T element, Outputs outputs, int index) {
      outputs.output(tag, element, index);
    }

    @Override
    protected Redaction.Emitter emitter(Outputs outputs, int index) {
      return Redaction.Emitter.of(
          redacted -> outputs.output(tag, records.redacted(redacted), index),
          finding -> outputs.output(tag, records.finding(finding), index),
          deadLetter -> outputs.output(tag, records.deadLetter(deadLetter), index));
    }
  }
}
