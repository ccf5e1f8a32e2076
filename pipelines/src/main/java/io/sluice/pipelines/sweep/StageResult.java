package io.sluice.pipelines.sweep;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.ModerationResult;
import io.sluice.schemas.RedactedDocument;
import org.apache.beam.sdk.values.PCollection;

/**
 * What the processing part of a sweep produces, for the writers: documents, findings, dead letters and, when
 * moderation ran, the quarantined documents and the moderation results (both null otherwise).
 */
public record StageResult(
    PCollection<RedactedDocument> documents,
    PCollection<Finding> findings,
    PCollection<DeadLetter> deadLetters,
    PCollection<Document> quarantined,
    PCollection<ModerationResult> moderation) {

  public StageResult(
      PCollection<RedactedDocument> documents, PCollection<Finding> findings, PCollection<DeadLetter> deadLetters) {
    this(documents, findings, deadLetters, null, null);
  }

  public boolean moderated() {
    return moderation != null;
  }
}
