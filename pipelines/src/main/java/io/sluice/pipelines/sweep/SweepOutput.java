package io.sluice.pipelines.sweep;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.DocumentFindingCount;
import io.sluice.schemas.Finding;
import io.sluice.schemas.ModerationResult;
import io.sluice.schemas.RedactedDocument;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The kinds of record a sweep writes, each into its own folder of the output, and the documents still to be
 * processed, which travel in the same collection from the reader to the stage and are never written.
 */
enum SweepOutput {
  DOCUMENT(RedactedDocument.class, RedactedDocument.getClassSchema()),
  FINDING(Finding.class, Finding.getClassSchema()),
  DEAD_LETTER(DeadLetter.class, DeadLetter.getClassSchema()),
  QUARANTINED(Document.class, Document.getClassSchema()),
  MODERATION(ModerationResult.class, ModerationResult.getClassSchema()),
  /** A bundle's best candidates for the summary's top documents: staged, not part of the results. */
  TOP_DOCUMENT(DocumentFindingCount.class, DocumentFindingCount.getClassSchema()),
  /** A document as read, which the stage turns into the records above: not written. */
  UNPROCESSED(Document.class, Document.getClassSchema());

  /** The kinds that are written, each into its {@link #folder}. */
  static final Set<SweepOutput> WRITTEN = EnumSet.complementOf(EnumSet.of(UNPROCESSED));

  private final Class<? extends SpecificRecordBase> type;
  private final Schema schema;

  SweepOutput(Class<? extends SpecificRecordBase> type, Schema schema) {
    this.type = type;
    this.schema = schema;
  }

  Class<? extends SpecificRecordBase> type() {
    return type;
  }

  Schema schema() {
    return schema;
  }

  /** Where records of this kind go in {@code out}. */
  Path folder(OutputLayout out) {
    return switch (this) {
      case DOCUMENT -> out.documents();
      case FINDING -> out.findings();
      case DEAD_LETTER -> out.deadLetters();
      case QUARANTINED -> out.quarantine();
      case MODERATION -> out.moderation();
      case TOP_DOCUMENT -> out.staging().resolve("top_documents");
      case UNPROCESSED -> throw new IllegalStateException("documents still to be processed are not written");
    };
  }
}
