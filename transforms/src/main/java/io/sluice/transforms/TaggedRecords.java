package io.sluice.transforms;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import java.io.Serializable;

/**
 * How a job carries every kind of record in one collection of its own tagged type {@code T}: documents as read,
 * dead letters, and what redaction makes of the documents. Steps over such a collection have a single output,
 * which matters on Beam's Spark runner: it caches the whole output of every step with more than one output (a
 * copy of the corpus as objects whose size Spark estimates by walking them), whatever {@code cacheDisabled} says.
 *
 * @param <T> the job's tagged record type
 */
public interface TaggedRecords<T> extends Serializable {
  /** A document as read, still to be processed. */
  T document(Document document);

  /** The document {@code record} holds when it is one still to be processed, else null (it passes through). */
  Document documentOf(T record);

  T redacted(RedactedDocument document);

  T finding(Finding finding);

  T deadLetter(DeadLetter deadLetter);
}
