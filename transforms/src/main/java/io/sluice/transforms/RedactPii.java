package io.sluice.transforms;

import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.pii.operators.AnonymizedText;
import io.sluice.pii.operators.Anonymizer;
import io.sluice.pii.operators.KeyRing;
import io.sluice.policy.Policy;
import io.sluice.schemas.AnalyzedDocument;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
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

  static final String STAGE = "redact";

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
    private final Policy policy;
    private final boolean reportOnly;
    private final TupleTag<RedactedDocument> documentTag;
    private final TupleTag<Finding> findingTag;
    private final TupleTag<DeadLetter> deadLetterTag;
    private final Counter completed = Metrics.counter(SluiceMetrics.NAMESPACE, SluiceMetrics.DOCUMENTS_COMPLETED);
    private transient Anonymizer anonymizer;

    RedactFn(
        Policy policy,
        boolean reportOnly,
        TupleTag<RedactedDocument> documentTag,
        TupleTag<Finding> findingTag,
        TupleTag<DeadLetter> deadLetterTag) {
      this.policy = policy;
      this.reportOnly = reportOnly;
      this.documentTag = documentTag;
      this.findingTag = findingTag;
      this.deadLetterTag = deadLetterTag;
    }

    @Setup
    public void setup() {
      if (!reportOnly) {
        anonymizer = Anonymizer.fromPolicy(policy, KeyRing.resolve(policy, System.getenv()));
      }
    }

    @ProcessElement
    public void process(@Element AnalyzedDocument analyzed, MultiOutputReceiver out) {
      Document document = analyzed.getDocument();
      if (reportOnly) {
        analyzed.getFindings().forEach(out.get(findingTag)::output);
        completed.inc();
        return;
      }
      RedactedDocument redacted;
      List<Finding> annotated;
      try {
        CodePoints offsets = new CodePoints(document.getText());
        List<Detection> detections = new ArrayList<>(analyzed.getFindings().size());
        for (Finding f : analyzed.getFindings()) {
          detections.add(
              new Detection(
                  f.getEntityType(), offsets.toChar(f.getStart()), offsets.toChar(f.getEnd()), f.getScore(), f.getDetector()));
        }
        AnonymizedText result = anonymizer.anonymize(document.getText(), detections);
        annotated = withOperators(analyzed.getFindings(), result.operatorPerDetection());
        redacted =
            RedactedDocument.newBuilder()
                .setId(document.getId())
                .setText(result.text())
                .setSource(document.getSource())
                .setFindingCount(annotated.size())
                .setEntityCounts(countByEntity(annotated))
                .build();
      } catch (RuntimeException e) {
        SluiceMetrics.countDeadLetter(ErrorKinds.REDACTION_FAILED);
        out.get(deadLetterTag)
            .output(
                DeadLetters.of(
                    document.getId(),
                    document.getSource(),
                    STAGE,
                    ErrorKinds.REDACTION_FAILED,
                    e.getClass().getSimpleName() + " during redaction",
                    document.getText()));
        return;
      }
      annotated.forEach(out.get(findingTag)::output);
      out.get(documentTag).output(redacted);
      completed.inc();
    }

    private static List<Finding> withOperators(List<Finding> findings, List<String> operators) {
      List<Finding> annotated = new ArrayList<>(findings.size());
      for (int i = 0; i < findings.size(); i++) {
        annotated.add(Finding.newBuilder(findings.get(i)).setOperator(operators.get(i)).build());
      }
      return annotated;
    }

    private static Map<String, Integer> countByEntity(List<Finding> findings) {
      Map<String, Integer> counts = new TreeMap<>();
      for (Finding f : findings) {
        counts.merge(f.getEntityType(), 1, Integer::sum);
      }
      return counts;
    }
  }
}
