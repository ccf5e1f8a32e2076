package io.sluice.transforms;

import io.sluice.policy.Policy;
import io.sluice.schemas.AnalyzedDocument;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Applies the policy's operators to the findings of {@link DetectPii} and emits redacted documents and
 * the findings annotated with the operator applied.
 *
 * <pre>{@code
 * RedactPii.Result redacted = detected.analyzed().apply(RedactPii.with(policy));
 * redacted.documents();    // PCollection<RedactedDocument>
 * redacted.findings();     // PCollection<Finding>, operator set
 * redacted.deadLetters();  // PCollection<DeadLetter>
 * }</pre>
 *
 * <p>With {@link #reportOnly(boolean) reportOnly(true)} nothing is rewritten and no document is
 * emitted: the findings are the report, and no copy of the original text leaves the job. Keys for
 * keyed operators are read on each worker from the environment or a file, never shipped inside the
 * pipeline graph.
 */
public final class RedactPii extends PTransform<PCollection<AnalyzedDocument>, RedactPii.Result> {

  private final Policy policy;
  private final boolean reportOnly;

  private RedactPii(Policy policy, boolean reportOnly) {
    this.policy = policy;
    this.reportOnly = reportOnly;
  }

  public static RedactPii with(Policy policy) {
    return new RedactPii(policy, false);
  }

  /** Emits findings without rewriting documents (and without needing keys). */
  public RedactPii reportOnly(boolean enabled) {
    return new RedactPii(policy, enabled);
  }

  @Override
  public Result expand(PCollection<AnalyzedDocument> analyzed) {
    TupleTag<RedactedDocument> documentTag = new TupleTag<>() {};
    TupleTag<Finding> findingTag = new TupleTag<>() {};
    TupleTag<DeadLetter> deadLetterTag = new TupleTag<>() {};
    PCollectionTuple out =
        analyzed.apply(
            reportOnly ? "Report" : "Redact",
            ParDo.of(new RedactFn(policy, reportOnly, documentTag, findingTag, deadLetterTag))
                .withOutputTags(documentTag, TupleTagList.of(findingTag).and(deadLetterTag)));
    return new Result(
        out.get(documentTag).setCoder(AvroCoder.of(RedactedDocument.class)),
        out.get(findingTag).setCoder(AvroCoder.of(Finding.class)),
        out.get(deadLetterTag).setCoder(AvroCoder.of(DeadLetter.class)));
  }

  /** Redacted documents, findings with their operator, and documents redaction failed on. */
  public static final class Result extends TransformResult {
    private final PCollection<RedactedDocument> documents;
    private final PCollection<Finding> findings;

    Result(PCollection<RedactedDocument> documents, PCollection<Finding> findings, PCollection<DeadLetter> deadLetters) {
      super(
          documents.getPipeline(),
          Map.of(new TupleTag<RedactedDocument>("documents"), documents, new TupleTag<Finding>("findings"), findings),
          deadLetters);
      this.documents = documents;
      this.findings = findings;
    }

    public PCollection<RedactedDocument> documents() {
      return documents;
    }

    public PCollection<Finding> findings() {
      return findings;
    }
  }

  static final class RedactFn extends DoFn<AnalyzedDocument, RedactedDocument> {
    private final Redaction redaction;
    private final TupleTag<RedactedDocument> documentTag;
    private final TupleTag<Finding> findingTag;
    private final TupleTag<DeadLetter> deadLetterTag;

    RedactFn(
        Policy policy,
        boolean reportOnly,
        TupleTag<RedactedDocument> documentTag,
        TupleTag<Finding> findingTag,
        TupleTag<DeadLetter> deadLetterTag) {
      this.redaction = new Redaction(policy, reportOnly);
      this.documentTag = documentTag;
      this.findingTag = findingTag;
      this.deadLetterTag = deadLetterTag;
    }

    @Setup
    public void setup() {
      redaction.setup();
    }

    @ProcessElement
    public void process(@Element AnalyzedDocument analyzed, MultiOutputReceiver out) {
      redaction.apply(
          analyzed,
          Redaction.Emitter.of(
              out.get(documentTag)::output, out.get(findingTag)::output, out.get(deadLetterTag)::output));
    }
  }
}
