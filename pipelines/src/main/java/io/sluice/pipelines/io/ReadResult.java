package io.sluice.pipelines.io;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import org.apache.beam.sdk.values.PCollection;

/** What a reader produced: the documents it could read and a dead letter for every record it could not. */
public record ReadResult(PCollection<Document> documents, PCollection<DeadLetter> deadLetters) {}
