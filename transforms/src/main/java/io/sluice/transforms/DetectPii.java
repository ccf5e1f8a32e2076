package io.sluice.transforms;

import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.policy.Policy;
import io.sluice.schemas.AnalyzedDocument;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Detects PII in documents with the policy's recognizers and emits each document with its findings,
 * in code-point offsets. Detection only: {@link RedactPii} decides what to do with the findings, so a
 * sweep can report without redacting.
 *
 * <pre>{@code
 * DetectPii.Result detected = documents.apply(DetectPii.with(policy));
 * detected.analyzed();     // PCollection<AnalyzedDocument>
 * detected.deadLetters();  // PCollection<DeadLetter>
 * }</pre>
 *
 * <p>Documents are analyzed in batches collected within a bundle, so model-based recognizers run them
 * through the model together. A batch that fails is retried one document at a time so that only the
 * failing document is dead-lettered.
 */
public final class DetectPii extends PTransform<PCollection<Document>, DetectPii.Result> {

  static final String STAGE = "detect";
  static final int DEFAULT_BATCH_DOCUMENTS = 64;
  static final long DEFAULT_BATCH_CHARS = 1 << 20;

  private final Policy policy;
  private final int batchDocuments;
  private final long batchChars;

  private DetectPii(Policy policy, int batchDocuments, long batchChars) {
    this.policy = policy;
    this.batchDocuments = batchDocuments;
    this.batchChars = batchChars;
  }

  public static DetectPii with(Policy policy) {
    return new DetectPii(policy, DEFAULT_BATCH_DOCUMENTS, DEFAULT_BATCH_CHARS);
  }

  /** Flushes a batch at this many documents or this many chars, whichever comes first. */
  public DetectPii withBatchLimits(int documents, long chars) {
    return new DetectPii(policy, documents, chars);
  }

  @Override
  public Result expand(PCollection<Document> documents) {
    TransformResult.requireGlobalWindow(documents, "DetectPii");
    TupleTag<AnalyzedDocument> analyzedTag = new TupleTag<>() {};
    TupleTag<DeadLetter> deadLetterTag = new TupleTag<>() {};
    PCollectionTuple out =
        documents.apply(
            "Analyze",
            ParDo.of(new AnalyzeFn(policy, batchDocuments, batchChars, analyzedTag, deadLetterTag))
                .withOutputTags(analyzedTag, TupleTagList.of(deadLetterTag)));
    return new Result(
        out.get(analyzedTag).setCoder(AvroCoder.of(AnalyzedDocument.class)),
        out.get(deadLetterTag).setCoder(AvroCoder.of(DeadLetter.class)));
  }

  /** What detection produced: documents with findings, and documents that could not be analyzed. */
  public static final class Result extends TransformResult {
    private final PCollection<AnalyzedDocument> analyzed;

    Result(PCollection<AnalyzedDocument> analyzed, PCollection<DeadLetter> deadLetters) {
      super(analyzed.getPipeline(), Map.of(new TupleTag<AnalyzedDocument>("analyzed"), analyzed), deadLetters);
      this.analyzed = analyzed;
    }

    public PCollection<AnalyzedDocument> analyzed() {
      return analyzed;
    }
  }

  /** Emits each analyzed document as it is. */
  static final class AnalyzeFn extends DetectingFn<Document, AnalyzedDocument> {
    private final TupleTag<AnalyzedDocument> analyzedTag;
    private final TupleTag<DeadLetter> deadLetterTag;

    AnalyzeFn(
        Policy policy,
        int batchDocuments,
        long batchChars,
        TupleTag<AnalyzedDocument> analyzedTag,
        TupleTag<DeadLetter> deadLetterTag) {
      super(policy, batchDocuments, batchChars);
      this.analyzedTag = analyzedTag;
      this.deadLetterTag = deadLetterTag;
    }

    @Override
    protected Document documentOf(Document element) {
      return element;
    }

    @Override
    protected void analyzed(Document document, List<Detection> found, Outputs outputs, int index) {
      outputs.output(analyzedTag, toAnalyzed(document, found), index);
    }

    @Override
    protected void deadLettered(DeadLetter deadLetter, Outputs outputs, int index) {
      outputs.output(deadLetterTag, deadLetter, index);
    }
  }

  /**
   * Detection over batches, dead-lettering only the documents it fails on; subclasses decide what
   * becomes of each analyzed document (emitted by {@link AnalyzeFn}, redacted in place by
   * {@link DetectAndRedactPii}) and of elements that hold no document to detect in (passed through).
   */
  abstract static class DetectingFn<InputT, OutputT> extends AnalyzingFn<InputT, OutputT> {
    private final Counter documentsDetected =
        Metrics.counter(SluiceMetrics.NAMESPACE, SluiceMetrics.DOCUMENTS_DETECTED);
    private final Counter findingsCounter = Metrics.counter(SluiceMetrics.NAMESPACE, SluiceMetrics.FINDINGS);
    private final Distribution batchMillis =
        Metrics.distribution(SluiceMetrics.NAMESPACE, SluiceMetrics.DETECT_BATCH_MS);
    private final KeyedCounters findingsByEntity =
        new KeyedCounters(SluiceMetrics.NAMESPACE, SluiceMetrics.FINDINGS_BY_ENTITY_PREFIX);
    private final KeyedCounters findingsByDetector =
        new KeyedCounters(SluiceMetrics.NAMESPACE, SluiceMetrics.FINDINGS_BY_DETECTOR_PREFIX);

    DetectingFn(Policy policy, int batchDocuments, long batchChars) {
      super(policy, batchDocuments, batchChars);
    }

    /** The document to detect in that {@code element} holds, or null when it only passes through. */
    protected abstract Document documentOf(InputT element);

    /**
     * Receives each document detection succeeded on, with its detections (char offsets, as the analyzer gave
     * them); index as in {@link Outputs}.
     */
    protected abstract void analyzed(Document document, List<Detection> found, Outputs outputs, int index);

    /** Receives the dead letter of each document detection failed on. */
    protected abstract void deadLettered(DeadLetter deadLetter, Outputs outputs, int index);

    /** Receives each element that holds no document; only inputs of several kinds have such elements. */
    protected void passThrough(InputT element, Outputs outputs, int index) {
      throw new IllegalStateException(getClass().getSimpleName() + " reads documents only");
    }

    @Override
    protected String textOf(InputT element) {
      return documentOf(element).getText();
    }

    @Override
    protected long weight(InputT element) {
      Document document = documentOf(element);
      return document == null ? 0 : document.getText().length();
    }

    @Override
    protected void processBatch(List<InputT> elements, Outputs outputs) {
      List<InputT> documents = new ArrayList<>(elements.size());
      List<Integer> indexes = new ArrayList<>(elements.size());
      for (int i = 0; i < elements.size(); i++) {
        InputT element = elements.get(i);
        if (documentOf(element) == null) {
          passThrough(element, outputs, i);
        } else {
          documents.add(element);
          indexes.add(i);
        }
      }
      if (documents.isEmpty()) {
        return;
      }
      long started = System.nanoTime();
      List<List<Detection>> detections = analyzeBatchOrNull(documents);
      batchMillis.update((System.nanoTime() - started) / 1_000_000);
      // Summed over the batch: a counter increment per finding costs a look-up of the step's metrics.
      PendingCounts counts = new PendingCounts();
      for (int i = 0; i < documents.size(); i++) {
        InputT element = documents.get(i);
        Document document = documentOf(element);
        int index = indexes.get(i);
        List<Detection> found;
        try {
          found = detections(detections, i, element);
        } catch (RuntimeException e) {
          SluiceMetrics.countDeadLetter(ErrorKinds.DETECTION_FAILED);
          deadLettered(
              DeadLetters.of(
                  document.getId(),
                  document.getSource(),
                  STAGE,
                  ErrorKinds.DETECTION_FAILED,
                  e.getClass().getSimpleName() + " during detection",
                  document.getText()),
              outputs,
              index);
          continue;
        }
        counts.add(documentsDetected, 1);
        countFindings(found, counts);
        analyzed(document, found, outputs, index);
      }
      counts.commit();
    }

    private void countFindings(List<Detection> found, PendingCounts counts) {
      counts.add(findingsCounter, found.size());
      for (Detection d : found) {
        counts.add(findingsByEntity.of(d.entityType()), 1);
        counts.add(findingsByDetector.of(d.detector()), 1);
      }
    }

  }

  private static AnalyzedDocument toAnalyzed(Document document, List<Detection> detections) {
    CodePoints offsets = new CodePoints(document.getText());
    List<Finding> findings = new ArrayList<>(detections.size());
    for (Detection d : detections) {
      findings.add(finding(document.getId(), d, offsets, null));
    }
    return AnalyzedDocument.newBuilder().setDocument(document).setFindings(findings).build();
  }

  /**
   * The finding of a detection: offsets in the document's code points, with the operator applied (or null). Set field
   * by field rather than through Avro's builder, which allocates a copy of the schema's field array and a flag per
   * field for every finding (about nine per document); a detection has every required field.
   */
  static Finding finding(String docId, Detection d, CodePoints offsets, String operator) {
    Finding finding = new Finding();
    finding.setDocId(docId);
    finding.setEntityType(d.entityType());
    finding.setStart(offsets.toCodePoint(d.start()));
    finding.setEnd(offsets.toCodePoint(d.end()));
    finding.setScore(d.score());
    finding.setDetector(d.detector());
    finding.setOperator(operator);
    return finding;
  }
}
