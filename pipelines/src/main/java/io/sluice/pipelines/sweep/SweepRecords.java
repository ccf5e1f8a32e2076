package io.sluice.pipelines.sweep;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import io.sluice.transforms.TaggedRecords;

/** The sweep's records as {@link TaggedRecords}, so the reader and the PII step can emit them directly. */
final class SweepRecords implements TaggedRecords<SweepRecord> {
  static final SweepRecords TAGGING = new SweepRecords();

  private SweepRecords() {}

  @Override
  public SweepRecord document(Document document) {
    return new SweepRecord(SweepOutput.UNPROCESSED, document);
  }

  @Override
  public Document documentOf(SweepRecord record) {
    return record.kind() == SweepOutput.UNPROCESSED ? (Document) record.record() : null;
  }

  @Override
  public SweepRecord redacted(RedactedDocument document) {
    return new SweepRecord(SweepOutput.DOCUMENT, document);
  }

  @Override
  public SweepRecord finding(Finding finding) {
    return new SweepRecord(SweepOutput.FINDING, finding);
  }

  @Override
  public SweepRecord deadLetter(DeadLetter deadLetter) {
    return new SweepRecord(SweepOutput.DEAD_LETTER, deadLetter);
  }
}
