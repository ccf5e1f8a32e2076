package io.sluice.pipelines.sweep;

import io.sluice.pipelines.io.DocumentReaders;
import io.sluice.pipelines.io.InputSpec;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.ReadResult;
import io.sluice.pipelines.io.RecordWriters;
import io.sluice.pipelines.summary.CountWritten;
import io.sluice.pipelines.summary.TopDocuments;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.ModerationResult;
import io.sluice.schemas.RedactedDocument;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The sweep's graph: read, process (the {@link SweepStage}), count, write. Every dead letter, whichever
 * step raised it, goes through one counting step into {@code dead_letter/}, which is what makes
 * {@code read = written + dead-lettered} checkable.
 */
final class SweepPipeline {
  static final int TOP_DOCUMENTS = 10;
  static final String TOP_DOCUMENTS_FILE = "top_documents.jsonl";

  private SweepPipeline() {}

  /** Returns whether the stage moderated (and so wrote quarantine/ and moderation/). */
  static boolean build(Pipeline pipeline, InputSpec input, SweepStage stage, OutputFormat format, OutputLayout out) {
    ReadResult read = DocumentReaders.read(pipeline, input);
    StageResult processed = stage.apply(read.documents());

    PCollection<RedactedDocument> documents = processed.documents()
        .apply("CountDocuments", ParDo.of(new CountWritten.Documents()))
        .setCoder(AvroCoder.of(RedactedDocument.class));
    PCollection<Finding> findings = processed.findings()
        .apply("CountFindings", ParDo.of(new CountWritten.Findings()))
        .setCoder(AvroCoder.of(Finding.class));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(read.deadLetters()).and(processed.deadLetters())
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("CountDeadLetters", ParDo.of(new CountWritten.DeadLetters()))
        .setCoder(AvroCoder.of(DeadLetter.class));

    RecordWriters.write(documents, RedactedDocument.class, RedactedDocument.getClassSchema(), format,
        out.documents().toString());
    RecordWriters.write(findings, Finding.class, Finding.getClassSchema(), format, out.findings().toString());
    RecordWriters.write(deadLetters, DeadLetter.class, DeadLetter.getClassSchema(), format,
        out.deadLetters().toString());
    // Ranked from the stage's output, not from the counted documents: counting steps have one consumer each,
    // so no runner computes them twice (Spark recomputes a PCollection per consumer, see RunnerSettings).
    processed.documents()
        .apply("TopDocuments", new TopDocuments(TOP_DOCUMENTS))
        .apply("StageTopDocuments", TextIO.write().to(out.staging().resolve(TOP_DOCUMENTS_FILE).toString())
            .withoutSharding());
    if (processed.moderated()) {
      PCollection<Document> quarantined = processed.quarantined()
          .apply("CountQuarantined", ParDo.of(new CountWritten.Quarantined()))
          .setCoder(AvroCoder.of(Document.class));
      RecordWriters.write(quarantined, Document.class, Document.getClassSchema(), format, out.quarantine().toString());
      RecordWriters.write(processed.moderation(), ModerationResult.class, ModerationResult.getClassSchema(), format,
          out.moderation().toString());
    }
    return processed.moderated();
  }
}
