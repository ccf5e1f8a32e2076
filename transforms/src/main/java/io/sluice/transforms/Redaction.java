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
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Redaction of one analyzed document, shared by {@link RedactPii} (its own step) and
 * {@link DetectAndRedactPii} (fused with detection): applies the policy's operators to the findings and
 * hands the redacted document and the annotated findings, or a dead letter, to an {@link Emitter}.
 * Keys are resolved in {@link #setup()} on the worker, never shipped inside the pipeline graph.
 */
final class Redaction implements Serializable {
  static final String STAGE = "redact";

  /** Where a redaction's results go; each DoFn maps these to its own output tags. */
  interface Emitter {
    void document(RedactedDocument document);

    void finding(Finding finding);

    void deadLetter(DeadLetter deadLetter);
  }

  private final Policy policy;
  private final boolean reportOnly;
  private final Counter completed = Metrics.counter(SluiceMetrics.NAMESPACE, SluiceMetrics.DOCUMENTS_COMPLETED);
  private transient Anonymizer anonymizer;

  Redaction(Policy policy, boolean reportOnly) {
    this.policy = policy;
    this.reportOnly = reportOnly;
  }

  /** Builds the anonymizer (not needed, and no keys read, in report-only mode). */
  void setup() {
    if (!reportOnly) {
      anonymizer = Anonymizer.fromPolicy(policy, KeyRing.resolve(policy, System.getenv()));
    }
  }

  void apply(AnalyzedDocument analyzed, Emitter out) {
    Document document = analyzed.getDocument();
    if (reportOnly) {
      analyzed.getFindings().forEach(out::finding);
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
      out.deadLetter(
          DeadLetters.of(
              document.getId(),
              document.getSource(),
              STAGE,
              ErrorKinds.REDACTION_FAILED,
              e.getClass().getSimpleName() + " during redaction",
              document.getText()));
      return;
    }
    annotated.forEach(out::finding);
    out.document(redacted);
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
