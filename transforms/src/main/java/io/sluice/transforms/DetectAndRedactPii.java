package io.sluice.transforms;

import io.sluice.policy.Policy;
import io.sluice.schemas.AnalyzedDocument;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
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

  /** Redacts each document as soon as detection has analyzed it. */
  static final class AnalyzeAndRedactFn extends DetectPii.DetectingFn<RedactedDocument> {
    private final Redaction redaction;
    private final TupleTag<RedactedDocument> documentTag;
    private final TupleTag<Finding> findingTag;
    private final TupleTag<DeadLetter> deadLetterTag;

    AnalyzeAndRedactFn(
        Policy policy,
        TupleTag<RedactedDocument> documentTag,
        TupleTag<Finding> findingTag,
        TupleTag<DeadLetter> deadLetterTag) {
      super(policy, DetectPii.DEFAULT_BATCH_DOCUMENTS, DetectPii.DEFAULT_BATCH_CHARS, deadLetterTag);
      this.redaction = new Redaction(policy, false);
      this.documentTag = documentTag;
      this.findingTag = findingTag;
      this.deadLetterTag = deadLetterTag;
    }

    @Override
    @Setup
    public void setup() {
      super.setup();
      redaction.setup();
    }

    @Override
    protected void analyzed(AnalyzedDocument document, Outputs outputs, int index) {
      redaction.apply(
          document,
          new Redaction.Emitter() {
            @Override
            public void document(RedactedDocument redacted) {
              outputs.output(documentTag, redacted, index);
            }

            @Override
            public void finding(Finding finding) {
              outputs.output(findingTag, finding, index);
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
              outputs.output(deadLetterTag, deadLetter, index);
            }
          });
    }
  }
}
