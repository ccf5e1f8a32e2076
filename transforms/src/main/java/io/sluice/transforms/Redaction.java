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
import java.util.function.Consumer;
import java.util.function.Function;
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

    /** Hands each kind of result to its own consumer (an output tag, or a tagging into one output). */
    static Emitter of(
        Consumer<RedactedDocument> documents, Consumer<Finding> findings, Consumer<DeadLetter> deadLetters) {
      return new Emitter() {
        @Override
        public void document(RedactedDocument document) {
          documents.accept(document);
        }

        @Override
        public void finding(Finding finding) {
          findings.accept(finding);
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
          deadLetters.accept(deadLetter);
        }
      };
    }
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

  /** Redacts an analyzed document (its findings in code points), as {@link RedactPii} gets it. */
  void apply(AnalyzedDocument analyzed, Emitter out) {
    Document document = analyzed.getDocument();
    if (reportOnly) {
      analyzed.getFindings().forEach(out::finding);
      completed.inc();
      return;
    }
    redact(document, out, offsets -> {
      List<Detection> detections = new ArrayList<>(analyzed.getFindings().size());
      for (Finding f : analyzed.getFindings()) {
        detections.add(
            new Detection(
                f.getEntityType(), offsets.toChar(f.getStart()), offsets.toChar(f.getEnd()), f.getScore(), f.getDetector()));
      }
      AnonymizedText result = anonymizer.anonymize(document.getText(), detections);
      List<String> operators = result.operatorPerDetection();
      List<Finding> annotated = new ArrayList<>(detections.size());
      for (int i = 0; i < detections.size(); i++) {
        annotated.add(Finding.newBuilder(analyzed.getFindings().get(i)).setOperator(operators.get(i)).build());
      }
      return new Redacted(result.text(), annotated);
    });
  }

  /**
   * Redacts a document from the detections (char offsets) detection just made, as {@link DetectAndRedactPii}
   * has them: each finding is built once, with its operator, instead of once by detection and again here.
   */
  void apply(Document document, List<Detection> detections, Emitter out) {
    redact(document, out, offsets -> {
      AnonymizedText result = anonymizer.anonymize(document.getText(), detections);
      List<String> operators = result.operatorPerDetection();
      List<Finding> annotated = new ArrayList<>(detections.size());
      for (int i = 0; i < detections.size(); i++) {
        annotated.add(DetectPii.finding(document.getId(), detections.get(i), offsets, operators.get(i)));
      }
      return new Redacted(result.text(), annotated);
    });
  }

  /** The redacted text and its findings, annotated with the operator each got. */
  private record Redacted(String text, List<Finding> findings) {}

  /** Runs {@code redaction} and emits its results, or a dead letter when it fails. */
  private void redact(Document document, Emitter out, Function<CodePoints, Redacted> redaction) {
    Redacted result;
    RedactedDocument redacted;
    try {
      result = redaction.apply(new CodePoints(document.getText()));
      redacted =
          RedactedDocument.newBuilder()
              .setId(document.getId())
              .setText(result.text())
              .setSource(document.getSource())
              .setFindingCount(result.findings().size())
              .setEntityCounts(countByEntity(result.findings()))
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
    result.findings().forEach(out::finding);
    out.document(redacted);
    completed.inc();
  }

  private static Map<String, Integer> countByEntity(List<Finding> findings) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Finding f : findings) {
      counts.merge(f.getEntityType(), 1, Integer::sum);
    }
    return counts;
  }
}
