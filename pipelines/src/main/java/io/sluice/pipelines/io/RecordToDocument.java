package io.sluice.pipelines.io;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * Finds the id and text columns in an Avro or Parquet row. Same rules as JSONL: a missing or null id
 * is derived from the source ({@code <file name>:<row>}, rows counted from 1); a text column that is
 * absent from the row's schema is WRONG_SCHEMA, null is MISSING_TEXT, not a string NON_STRING_TEXT,
 * blank EMPTY_TEXT, larger than the limit TOO_LARGE; strings are decoded strictly (INVALID_UTF8).
 */
final class RecordToDocument {

  /** Either a document or a dead letter. */
  record Converted(Document document, DeadLetter deadLetter) {}

  private final ReadSettings settings;
  private final StrictUtf8 utf8 = new StrictUtf8();

  RecordToDocument(ReadSettings settings) {
    this.settings = settings;
  }

  Converted convert(GenericRecord row, String source) {
    Schema schema = row.getSchema();
    String id = source;
    if (schema.getField(settings.idField()) != null) {
      Object idValue = row.get(settings.idField());
      if (idValue instanceof CharSequence || idValue instanceof Number) {
        id = idValue.toString();
      } else if (idValue != null) {
        return dead(null, source, ErrorKinds.MISSING_ID,
            "column '" + settings.idField() + "' is not a string or number");
      }
    }
    if (schema.getField(settings.textField()) == null) {
      return dead(id, source, ErrorKinds.WRONG_SCHEMA, "row has no column '" + settings.textField() + "'");
    }
    Object value = row.get(settings.textField());
    if (value == null) {
      return dead(id, source, ErrorKinds.MISSING_TEXT, "column '" + settings.textField() + "' is null");
    }
    String text;
    if (value instanceof Utf8 utf) {
      if (utf.getByteLength() > settings.maxDocBytes()) {
        return tooLarge(id, source, utf.getByteLength());
      }
      try {
        text = utf8.decode(utf.getBytes(), 0, utf.getByteLength());
      } catch (CharacterCodingException e) {
        return dead(id, source, ErrorKinds.INVALID_UTF8, "text column is not valid UTF-8");
      }
    } else if (value instanceof CharSequence chars) {
      text = chars.toString();
      // A UTF-16 char encodes to at most 3 UTF-8 bytes: only encode when the text might be too large.
      long bytes = text.length() * 3L <= settings.maxDocBytes() ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > settings.maxDocBytes()) {
        return tooLarge(id, source, bytes);
      }
    } else {
      return dead(id, source, ErrorKinds.NON_STRING_TEXT,
          "column '" + settings.textField() + "' holds " + value.getClass().getSimpleName() + ", not a string");
    }
    if (text.isBlank()) {
      return dead(id, source, ErrorKinds.EMPTY_TEXT, "text is empty or whitespace only");
    }
    return new Converted(Document.newBuilder().setId(id).setText(text).setSource(source).build(), null);
  }

  private Converted tooLarge(String id, String source, long bytes) {
    return dead(id, source, ErrorKinds.TOO_LARGE,
        "text of " + bytes + " bytes exceeds --max-doc-bytes " + settings.maxDocBytes());
  }

  private static Converted dead(String id, String source, String kind, String message) {
    // Rows have no single raw form; the source locates the row for replay.
    return new Converted(null, DeadLetters.of(id, source, ReadOutputs.STAGE, kind, message, null));
  }
}
