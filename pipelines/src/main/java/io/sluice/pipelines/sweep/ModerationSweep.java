package io.sluice.pipelines.sweep;

import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import io.sluice.schemas.RunSummary;
import io.sluice.transforms.Moderate;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Content moderation in a sweep, as the policy's {@code moderation:} section says: {@code sluice moderate}
 * runs it alone (kept documents are written unchanged), {@code sluice sweep --moderate} runs it before PII
 * detection so only kept documents are detected and redacted. Quarantined documents go to quarantine/ and
 * results to moderation/.
 */
public final class ModerationSweep {
  private ModerationSweep() {}

  /** {@code sluice moderate}: moderation only. */
  public static RunSummary run(SweepOptions options) {
    Policy policy = options.policy() == null ? PolicyLoader.defaultPolicy() : PolicyLoader.load(options.policy());
    return SweepJob.run(options, alone(policy));
  }

  /** Moderation alone: kept documents pass through unchanged, with no findings. */
  public static SweepStage alone(Policy policy) {
    return documents -> {
      Moderate.Result moderated = documents.apply("Moderate", Moderate.with(policy));
      PCollection<RedactedDocument> kept = moderated.kept()
          .apply("Unchanged", MapElements.via(new Unchanged()))
          .setCoder(AvroCoder.of(RedactedDocument.class));
      PCollection<Finding> noFindings = documents.getPipeline()
          .apply("NoFindings", Create.empty(AvroCoder.of(Finding.class)));
      return new StageResult(kept, noFindings, moderated.deadLetters(), moderated.quarantined(), moderated.results());
    };
  }

  /** Moderation, then {@code next} on the kept documents; dead letters of both are merged. */
  public static SweepStage before(Policy policy, SweepStage next) {
    return documents -> {
      Moderate.Result moderated = documents.apply("Moderate", Moderate.with(policy));
      StageResult rest = next.apply(moderated.kept());
      PCollection<DeadLetter> deadLetters = PCollectionList.of(moderated.deadLetters()).and(rest.deadLetters())
          .apply("ModerationAndLaterDeadLetters", Flatten.pCollections());
      return new StageResult(rest.documents(), rest.findings(), deadLetters, moderated.quarantined(),
          moderated.results());
    };
  }

  /** A kept document as written by a moderation-only run: its text as read, no findings. */
  static final class Unchanged extends SimpleFunction<Document, RedactedDocument> {
    @Override
    public RedactedDocument apply(Document d) {
      return RedactedDocument.newBuilder().setId(d.getId()).setText(d.getText()).setSource(d.getSource())
          .setFindingCount(0).setEntityCounts(Map.of()).build();
    }
  }
}
