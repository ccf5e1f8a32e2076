package io.sluice.transforms;

import io.sluice.models.moderation.ModerationModelSpec;
import io.sluice.models.moderation.ModerationModels;
import io.sluice.models.moderation.ModerationScorer;
import io.sluice.models.runtime.ModelCache;
import io.sluice.policy.ModerationPolicy;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyException;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.ModerationResult;
import java.io.IOException;
import java.nio.file.Path;
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
 * Scores documents for the moderation categories and routes them by the policy's {@code moderation:} section:
 * documents whose action is quarantine go to {@link Result#quarantined()}, all others (allowed or flagged) to
 * {@link Result#kept()}; every scored document has a {@link ModerationResult} in {@link Result#results()}.
 *
 * <pre>{@code
 * Moderate.Result moderated = documents.apply(Moderate.with(policy));
 * moderated.kept();          // PCollection<Document>: continue with these
 * moderated.quarantined();   // PCollection<Document>: written to quarantine/
 * moderated.results();       // PCollection<ModerationResult>: written to moderation/
 * moderated.deadLetters();   // PCollection<DeadLetter>
 * }</pre>
 *
 * <p>Documents are scored in batches collected within a bundle; long documents are scored in pieces (sentence
 * chunks for the embedded head, token windows for a Hugging Face model) and each category takes its maximum over
 * pieces. The model is loaded once per worker JVM and shared by
 * its threads. A batch that fails is retried one document at a time so only the failing one is dead-lettered.
 */
public final class Moderate extends PTransform<PCollection<Document>, Moderate.Result> {
  static final String STAGE = "moderate";
  static final String DOCUMENTS_MODERATED = "documents_moderated";
  static final String DOCUMENTS_FLAGGED = "documents_flagged";
  static final String DOCUMENTS_QUARANTINED = "documents_quarantined";
  static final String MODERATION_TOKENS = "moderation_tokens";
  static final String FLAGGED_BY_CATEGORY_PREFIX = "moderation_flagged.";
  static final String MODERATE_BATCH_MS = "moderate_batch_ms";
  private static final int DEFAULT_BATCH_DOCUMENTS = 64;
  private static final long DEFAULT_BATCH_CHARS = 1 << 20;

  private final ModerationPolicy policy;
  private final ModerationModelSpec model;
  private final int batchDocuments;
  private final long batchChars;

  private Moderate(ModerationPolicy policy, ModerationModelSpec model, int batchDocuments, long batchChars) {
    this.policy = policy;
    this.model = model;
    this.batchDocuments = batchDocuments;
    this.batchChars = batchChars;
  }

  /** Moderation as the policy's {@code moderation:} section says, with the model it names. */
  public static Moderate with(Policy policy) {
    return with(policy.moderation);
  }

  public static Moderate with(ModerationPolicy policy) {
    return new Moderate(policy, modelOf(policy), DEFAULT_BATCH_DOCUMENTS, DEFAULT_BATCH_CHARS);
  }

  /** Runs another moderation model than the policy names (e.g. one given on the command line). */
  public Moderate withModel(ModerationModelSpec spec) {
    return new Moderate(policy, spec, batchDocuments, batchChars);
  }

  /** Flushes a batch at this many documents or this many chars, whichever comes first. */
  public Moderate withBatchLimits(int documents, long chars) {
    return new Moderate(policy, model, documents, chars);
  }

  /** The model a policy names: "embedded", or a moderation model spec file (read now, so mistakes fail early). */
  public static ModerationModelSpec modelOf(ModerationPolicy policy) {
    if ("embedded".equals(policy.model)) {
      return ModerationModelSpec.embedded();
    }
    try {
      return ModerationModelSpec.fromFile(Path.of(policy.model));
    } catch (IOException | RuntimeException e) {
      throw new PolicyException("moderation.model: cannot read model spec " + policy.model + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Result expand(PCollection<Document> documents) {
    TransformResult.requireGlobalWindow(documents, "Moderate");
    TupleTag<ModerationResult> resultTag = new TupleTag<>() {};
    TupleTag<Document> keptTag = new TupleTag<>() {};
    TupleTag<Document> quarantinedTag = new TupleTag<>() {};
    TupleTag<DeadLetter> deadLetterTag = new TupleTag<>() {};
    PCollectionTuple out = documents.apply("Moderate",
        ParDo.of(new ModerateFn(policy, model, batchDocuments, batchChars, resultTag, keptTag, quarantinedTag,
                deadLetterTag))
            .withOutputTags(resultTag, TupleTagList.of(keptTag).and(quarantinedTag).and(deadLetterTag)));
    return new Result(
        out.get(resultTag).setCoder(AvroCoder.of(ModerationResult.class)),
        out.get(keptTag).setCoder(AvroCoder.of(Document.class)),
        out.get(quarantinedTag).setCoder(AvroCoder.of(Document.class)),
        out.get(deadLetterTag).setCoder(AvroCoder.of(DeadLetter.class)));
  }

  /** Moderation's outputs: results, kept and quarantined documents, dead letters. */
  public static final class Result extends TransformResult {
    private final PCollection<ModerationResult> results;
    private final PCollection<Document> kept;
    private final PCollection<Document> quarantined;

    Result(PCollection<ModerationResult> results, PCollection<Document> kept, PCollection<Document> quarantined,
        PCollection<DeadLetter> deadLetters) {
      super(results.getPipeline(), Map.of(new TupleTag<ModerationResult>("results"), results,
          new TupleTag<Document>("kept"), kept, new TupleTag<Document>("quarantined"), quarantined), deadLetters);
      this.results = results;
      this.kept = kept;
      this.quarantined = quarantined;
    }

    public PCollection<ModerationResult> results() {
      return results;
    }

    public PCollection<Document> kept() {
      return kept;
    }

    public PCollection<Document> quarantined() {
      return quarantined;
    }
  }

  static final class ModerateFn extends BatchingDoFn<Document, ModerationResult> {
    private final ModerationPolicy policy;
    private final ModerationModelSpec model;
    private final TupleTag<ModerationResult> resultTag;
    private final TupleTag<Document> keptTag;
    private final TupleTag<Document> quarantinedTag;
    private final TupleTag<DeadLetter> deadLetterTag;

    private final Counter moderated = Metrics.counter(SluiceMetrics.NAMESPACE, DOCUMENTS_MODERATED);
    private final Counter flagged = Metrics.counter(SluiceMetrics.NAMESPACE, DOCUMENTS_FLAGGED);
    private final Counter quarantined = Metrics.counter(SluiceMetrics.NAMESPACE, DOCUMENTS_QUARANTINED);
    private final Counter tokens = Metrics.counter(SluiceMetrics.NAMESPACE, MODERATION_TOKENS);
    private final KeyedCounters flaggedByCategory =
        new KeyedCounters(SluiceMetrics.NAMESPACE, FLAGGED_BY_CATEGORY_PREFIX);
    private final Distribution batchMillis = Metrics.distribution(SluiceMetrics.NAMESPACE, MODERATE_BATCH_MS);

    private transient ModelCache.Lease<ModerationScorer> lease;
    private transient ModerationVerdicts verdicts;

    ModerateFn(ModerationPolicy policy, ModerationModelSpec model, int batchDocuments, long batchChars,
        TupleTag<ModerationResult> resultTag, TupleTag<Document> keptTag, TupleTag<Document> quarantinedTag,
        TupleTag<DeadLetter> deadLetterTag) {
      super(batchDocuments, batchChars);
      this.policy = policy;
      this.model = model;
      this.resultTag = resultTag;
      this.keptTag = keptTag;
      this.quarantinedTag = quarantinedTag;
      this.deadLetterTag = deadLetterTag;
    }

    @Setup
    public void setup() {
      lease = ModerationModels.shared(model, 0);
      ModerationScorer scorer = lease.get();
      verdicts = new ModerationVerdicts(policy, scorer.defaultThresholds(), scorer.covered());
    }

    @Teardown
    public void teardown() {
      if (lease != null) {
        lease.close();
        lease = null;
      }
    }

    @Override
    protected long weight(Document document) {
      return document.getText().length();
    }

    @Override
    protected void processBatch(List<Document> documents, Outputs outputs) {
      ModerationScorer scorer = lease.get();
      long started = System.nanoTime();
      long tokensBefore = scorer.tokensProcessed();
      float[][] scores = scoreBatchOrNull(scorer, documents);
      batchMillis.update((System.nanoTime() - started) / 1_000_000);
      for (int i = 0; i < documents.size(); i++) {
        Document document = documents.get(i);
        try {
          float[] s = scores != null ? scores[i] : scorer.score(List.of(document.getText()))[0];
          route(document, verdicts.decide(document.getId(), s, scorer.id()), outputs, i);
        } catch (RuntimeException e) {
          SluiceMetrics.countDeadLetter(ErrorKinds.MODERATION_FAILED);
          outputs.output(deadLetterTag, DeadLetters.of(document.getId(), document.getSource(), STAGE,
              ErrorKinds.MODERATION_FAILED, e.getClass().getSimpleName() + " during moderation", document.getText()),
              i);
        }
      }
      // other threads share the scorer, so this is the JVM's count over the batch's time: a throughput gauge
      tokens.inc(scorer.tokensProcessed() - tokensBefore);
    }

    private void route(Document document, ModerationResult result, Outputs outputs, int index) {
      moderated.inc();
      for (String category : result.getFlagged()) {
        flaggedByCategory.of(category).inc();
      }
      outputs.output(resultTag, result, index);
      if (ModerationPolicy.Action.QUARANTINE.label().equals(result.getAction())) {
        quarantined.inc();
        outputs.output(quarantinedTag, document, index);
      } else {
        if (!result.getFlagged().isEmpty()) {
          flagged.inc();
        }
        outputs.output(keptTag, document, index);
      }
    }

    /** Null when the batch failed as a whole; the caller then isolates the failing document. */
    private static float[][] scoreBatchOrNull(ModerationScorer scorer, List<Document> documents) {
      try {
        return scorer.score(documents.stream().map(Document::getText).toList());
      } catch (RuntimeException batchFailure) {
        return null;
      }
    }
  }
}
