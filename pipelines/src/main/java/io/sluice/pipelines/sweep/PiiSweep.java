package io.sluice.pipelines.sweep;

import io.sluice.pii.operators.KeyRing;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.RedactedDocument;
import io.sluice.schemas.RunSummary;
import io.sluice.transforms.DetectAndRedactPii;
import io.sluice.transforms.DetectPii;
import io.sluice.transforms.RedactPii;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The governance sweep: PII detection, then redaction (or, with report-only, findings without
 * rewriting), between the readers and the writers. The job entry point the CLI and benchmarks call.
 */
public final class PiiSweep {
  private PiiSweep() {}

  /**
   * Loads and validates the policy (the default one when {@code options.policy()} is null), checks that
   * every key the policy's operators need is set (not needed in report-only runs), then runs the sweep.
   *
   * @throws io.sluice.policy.PolicyException for a policy mistake or a missing key, before any work starts
   */
  public static RunSummary run(SweepOptions options) {
    Policy policy = options.policy() == null ? PolicyLoader.defaultPolicy() : PolicyLoader.load(options.policy());
    if (!options.reportOnly()) {
      KeyRing.resolve(policy, System.getenv());
    }
    SweepStage pii = stage(policy, options.reportOnly());
    return SweepJob.run(options, options.moderate() ? ModerationSweep.before(policy, pii) : pii);
  }

  /**
   * Detection then redaction as a {@link SweepStage}. Redacting runs fuse the two into one step
   * ({@link DetectAndRedactPii}: no analyzed copy of the corpus between them), which on the sweep's tagged records
   * is also the only step between the reader and the sink. Report-only runs keep
   * them apart, since their documents are {@link ReportedDocument}s built from the analyzed documents:
   * counts, no text; dead letters of both steps are merged.
   */
  public static SweepStage stage(Policy policy, boolean reportOnly) {
    if (!reportOnly) {
      return new Redacting(policy);
    }
    return documents -> {
      DetectPii.Result detected = documents.apply("DetectPii", DetectPii.with(policy));
      RedactPii.Result reported = detected.analyzed().apply("RedactPii", RedactPii.with(policy).reportOnly(true));
      PCollection<DeadLetter> deadLetters = PCollectionList.of(detected.deadLetters())
          .and(reported.deadLetters())
          .apply("PiiDeadLetters", Flatten.pCollections());
      PCollection<RedactedDocument> written = detected.analyzed()
          .apply("ReportedDocuments", MapElements.via(new ReportedDocument()))
          .setCoder(AvroCoder.of(RedactedDocument.class));
      return new StageResult(written, reported.findings(), deadLetters);
    };
  }

  /** Detection and redaction fused, on documents or directly on the sweep's tagged records. */
  private static final class Redacting implements SweepStage {
    private final Policy policy;

    Redacting(Policy policy) {
      this.policy = policy;
    }

    @Override
    public StageResult apply(PCollection<Document> documents) {
      RedactPii.Result redacted = documents.apply("DetectAndRedactPii", DetectAndRedactPii.with(policy));
      return new StageResult(redacted.documents(), redacted.findings(), redacted.deadLetters());
    }

    @Override
    public StageRecords applyToRecords(PCollection<SweepRecord> records) {
      return new StageRecords(
          records.apply("DetectAndRedactPii", DetectAndRedactPii.onRecords(policy, SweepRecords.TAGGING)), false);
    }
  }
}
