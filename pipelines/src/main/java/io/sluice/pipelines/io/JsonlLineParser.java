package io.sluice.pipelines.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns one decoded JSONL line into a {@link Document} or a dead letter that says why not.
 *
 * <p>Id rule: the id field as a string (numbers are accepted as their decimal form); when the field is
 * absent or null the id is derived from the source, {@code <file name>:<line>}, so a record is never lost
 * for lacking an id. An id that is an object, array or boolean is a MISSING_ID dead letter. Texts that
 * are empty or only whitespace are EMPTY_TEXT dead letters: there is nothing to sweep.
 *
 * <p>The line is read as a token stream, keeping only the id and text fields (the last occurrence wins, as in a
 * JSON tree), instead of building a tree of every field: the whole line is still checked, so what is
 * malformed JSON, and the column reported for it, are what Jackson's tree reader reports. The common line, an
 * object of strings without control characters, is read by {@link StringObjectScanner}, which accepts only what
 * Jackson accepts and hands every other line to Jackson.
 */
final class JsonlLineParser {

  /** Either a document or a dead letter. */
  record Parsed(Document document, DeadLetter deadLetter) {}

  private final ReadSettings settings;
  private final JsonFactory factory;

  JsonlLineParser(ReadSettings settings) {
    this.settings = settings;
    // Jackson caps strings at 20M chars by default; our cap is maxDocBytes, checked before parsing.
    int maxString = (int) Math.min(Integer.MAX_VALUE, Math.max(settings.maxDocBytes(), 1));
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString).build())
            .build();
  }

  /**
   * @param controlFree whether the line holds no char below 0x20 ({@link BoundedLineReader.Line#controlFree}): such a
   *     line with string values only is read by {@link StringObjectScanner}, every other line by Jackson
   */
  Parsed parse(String line, String source, boolean controlFree) {
    Field id = new Field();
    Field text = new Field();
    boolean scanned = controlFree && StringObjectScanner.scan(line, (keyStart, keyEnd, valueQuote) -> {
      if (isKey(line, keyStart, keyEnd, settings.textField())) {
        text.locateString(valueQuote);
      } else if (isKey(line, keyStart, keyEnd, settings.idField())) {
        id.locateString(valueQuote);
      }
    });
    if (!scanned) {
      id.clear(); // the scanner may have located fields before it declined the line
      text.clear();
      Parsed malformed = readWithJackson(line, source, id, text);
      if (malformed != null) {
        return malformed;
      }
    }
    id.decodeLiteral(line);
    String docId;
    if (id.type == null || id.type == JsonNodeType.NULL) {
      docId = source;
    } else if (id.type == JsonNodeType.STRING || id.type == JsonNodeType.NUMBER) {
      docId = id.value;
    } else {
      return dead(null, source, ErrorKinds.MISSING_ID,
          "field '" + settings.idField() + "' is a " + id.type + ", not a string or number", line);
    }
    if (text.type == null || text.type == JsonNodeType.NULL) {
      return dead(docId, source, ErrorKinds.MISSING_TEXT, "no field '" + settings.textField() + "'", line);
    }
    if (text.type != JsonNodeType.STRING) {
      return dead(docId, source, ErrorKinds.NON_STRING_TEXT,
          "field '" + settings.textField() + "' is a " + text.type + ", not a string", line);
    }
    text.decodeLiteral(line);
    if (text.value.isBlank()) {
      return dead(docId, source, ErrorKinds.EMPTY_TEXT, "text is empty or whitespace only", line);
    }
    return new Parsed(Document.newBuilder().setId(docId).setText(text.value).setSource(source).build(), null);
  }

  private static boolean isKey(String line, int keyStart, int keyEnd, String name) {
    return keyEnd - keyStart == name.length() && line.startsWith(name, keyStart);
  }

  /** Reads the id and text fields with Jackson; the dead letter when the line is not a valid JSON object, else null. */
  private Parsed readWithJackson(String line, String source, Field id, Field text) {
    boolean object;
    try (JsonParser parser = factory.createParser(line)) {
      object = parser.nextToken() == JsonToken.START_OBJECT;
      if (object) {
        readFields(parser, id, text);
      } else {
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        // As the tree reader's FAIL_ON_TRAILING_TOKENS: located at the trailing token.
        return dead(null, source, ErrorKinds.MALFORMED_JSON,
            "not valid JSON at column " + parser.getTokenLocation().getColumnNr(), line);
      }
    } catch (JsonProcessingException e) {
      // Jackson's message can quote the input: keep only the location.
      return dead(null, source, ErrorKinds.MALFORMED_JSON, "not valid JSON at " + location(e), line);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a JSON line from a string", e);
    }
    return object ? null : dead(null, source, ErrorKinds.MALFORMED_JSON, "line is not a JSON object", line);
  }

  /** Reads the fields of the object the parser is in, to its end, keeping the id and text fields. */
  private void readFields(JsonParser parser, Field id, Field text) throws IOException {
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String name = parser.currentName();
      parser.nextToken();
      if (name.equals(settings.textField())) {
        text.readDeferringString(parser);
      } else if (name.equals(settings.idField())) {
        id.read(parser);
      } else {
        parser.skipChildren();
      }
    }
  }

  /** The last value a field had in the line: its JSON type and, for strings and numbers, its text. */
  private static final class Field {
    JsonNodeType type;
    String value;
    /** Where a string value not yet decoded starts in the line (its opening quote), else -1. */
    int literalAt = -1;

    /**
     * As {@link #read}, but a string is only located: Jackson skips it (still checking it), and
     * {@link #decodeLiteral} decodes it faster, once the whole line is known to be valid.
     */
    void readDeferringString(JsonParser parser) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        locateString(Math.toIntExact(parser.getTokenLocation().getCharOffset()));
      } else {
        read(parser);
      }
    }

    /** A string value whose literal opens at {@code quote}, decoded by {@link #decodeLiteral}. */
    void locateString(int quote) {
      type = JsonNodeType.STRING;
      value = null;
      literalAt = quote;
    }

    void clear() {
      type = null;
      value = null;
      literalAt = -1;
    }

    /** Decodes a string that {@link #readDeferringString} or {@link #locateString} located. */
    void decodeLiteral(String line) {
      if (literalAt >= 0) {
        value = JsonStringLiteral.decode(line, literalAt);
        literalAt = -1;
      }
    }

    void read(JsonParser parser) throws IOException {
      value = null;
      literalAt = -1;
      switch (parser.currentToken()) {
        case VALUE_STRING -> {
          type = JsonNodeType.STRING;
          value = parser.getText();
        }
        // The decimal form a JSON tree gives (IntNode, LongNode, BigIntegerNode, DoubleNode .asText()).
        case VALUE_NUMBER_INT -> {
          type = JsonNodeType.NUMBER;
          value = parser.getBigIntegerValue().toString();
        }
        case VALUE_NUMBER_FLOAT -> {
          type = JsonNodeType.NUMBER;
          value = Double.toString(parser.getDoubleValue());
        }
        case VALUE_TRUE, VALUE_FALSE -> type = JsonNodeType.BOOLEAN;
        case VALUE_NULL -> type = JsonNodeType.NULL;
        case START_OBJECT -> {
          type = JsonNodeType.OBJECT;
          parser.skipChildren();
        }
        case START_ARRAY -> {
          type = JsonNodeType.ARRAY;
          parser.skipChildren();
        }
        default -> throw new IllegalStateException("a field value cannot start with " + parser.currentToken());
      }
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "unknown position" : "column " + e.getLocation().getColumnNr();
  }

  private static Parsed dead(String id, String source, String kind, String message, String raw) {
    return new Parsed(null, DeadLetters.of(id, source, ReadOutputs.STAGE, kind, message, raw));
  }
}
