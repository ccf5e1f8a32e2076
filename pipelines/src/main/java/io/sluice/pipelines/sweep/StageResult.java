package io.sluice.pipelines.sweep;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import org.apache.beam.sdk.values.PCollection;

/** What the processing part of a sweep produces, for the writers: documents, findings, dead letters. */
public record StageResult(
    PCollection<RedactedDocument> documents, PCollection<Finding> findings, PCollection<DeadLetter> deadLetters) {}
