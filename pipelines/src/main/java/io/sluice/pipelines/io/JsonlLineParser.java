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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns one JSONL line into a {@link Document} or a dead letter that says why not.
 *
 * <p>Id rule: the id field as a string (numbers are accepted as their decimal form); when the field is
 * absent or null the id is derived from the source, {@code <file name>:<line>}, so a record is never lost
 * for lacking an id. An id that is an object, array or boolean is a MISSING_ID dead letter. Texts that
 * are empty or only whitespace are EMPTY_TEXT dead letters: there is nothing to sweep.
 *
 * <p>The line is read as a token stream, keeping only the id and text fields (the last occurrence wins, as in a
 * JSON tree), instead of building a tree of every field: the whole line is still checked, so what is
 * malformed JSON, and the column reported for it, are what Jackson's tree reader reports. The common line, an
 * object of strings without control characters that makes a document, is read from its UTF-8 bytes by
 * {@link #parseObjectOfStrings} ({@link StringObjectScanner} accepts only what Jackson accepts, and reports the
 * same fields); every other line is decoded whole, strictly, and read by Jackson ({@link #parse}).
 */
final class JsonlLineParser {

  /** Either a document or a dead letter. */
  record Parsed(Document document, DeadLetter deadLetter) {}

  private final ReadSettings settings;
  private final JsonFactory factory;
  private final byte[] idKey;
  private final byte[] textKey;
  /** Where escaped literals are resolved before decoding; grown to the longest line. */
  private byte[] scratch = new byte[0];

  JsonlLineParser(ReadSettings settings) {
    this.settings = settings;
    // Jackson caps strings at 20M chars by default; our cap is maxDocBytes, checked before parsing.
    int maxString = (int) Math.min(Integer.MAX_VALUE, Math.max(settings.maxDocBytes(), 1));
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString).build())
            .build();
    // A key with escapes is not scanned, so the names compare as the bytes they are written with.
    this.idKey = settings.idField().getBytes(StandardCharsets.UTF_8);
    this.textKey = settings.textField().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The document of a common line, read from its UTF-8 bytes without decoding the rest of the line: an object of
   * strings ({@link StringObjectScanner}) in a line without control bytes, all of whose strings are valid UTF-8, with
   * a text that is not blank. Null for every other line, which {@link #parse} reads once the whole line is decoded
   * strictly: the result is then the same document, or the dead letter this path does not make.
   */
  Document parseObjectOfStrings(byte[] line, int length, String source) {
    LocatedFields fields = new LocatedFields(line);
    if (!StringObjectScanner.scan(line, length, fields) || !fields.otherStringsUtf8 || fields.textQuote < 0) {
      return null;
    }
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    String value = JsonStringLiteral.decodeUtf8(line, fields.textQuote, fields.textEnd, fields.textEscaped, scratch);
    if (value == null || value.isBlank()) {
      return null;
    }
    String docId = fields.idQuote < 0
        ? source
        : JsonStringLiteral.decodeUtf8(line, fields.idQuote, fields.idEnd, fields.idEscaped, scratch);
    return docId == null ? null : Document.newBuilder().setId(docId).setText(value).setSource(source).build();
  }

  /** A decoded line as a document, or the dead letter that says why not; read with Jackson. */
  Parsed parse(String line, String source) {
    Field id = new Field();
    Field text = new Field();
    Parsed malformed = readWithJackson(line, source, id, text);
    if (malformed != null) {
      return malformed;
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

  /**
   * Where the scanned line's id and text values are (the last occurrence of each, as in a JSON tree), and whether
   * every other key and value is valid UTF-8 (the id and text are checked as they are decoded).
   */
  private final class LocatedFields implements StringObjectScanner.Fields {
    private final byte[] line;
    int idQuote = -1;
    int idEnd;
    boolean idEscaped;
    int textQuote = -1;
    int textEnd;
    boolean textEscaped;
    boolean otherStringsUtf8 = true;

    LocatedFields(byte[] line) {
      this.line = line;
    }

    @Override
    public void field(int keyStart, int keyEnd, int valueQuote, int valueEnd, boolean valueEscaped) {
      if (Arrays.equals(line, keyStart, keyEnd, textKey, 0, textKey.length)) {
        textQuote = valueQuote;
        textEnd = valueEnd;
        textEscaped = valueEscaped;
      } else if (Arrays.equals(line, keyStart, keyEnd, idKey, 0, idKey.length)) {
        idQuote = valueQuote;
        idEnd = valueEnd;
        idEscaped = valueEscaped;
      } else {
        otherStringsUtf8 &= isUtf8(keyStart, keyEnd) && isUtf8(valueQuote + 1, valueEnd);
      }
    }

    /** Valid UTF-8 without U+FFFD (which only {@link StrictUtf8} tells from invalid bytes). */
    private boolean isUtf8(int from, int to) {
      return ByteSearch.isAscii(line, from, to) || StrictUtf8.decodeWithoutReplacement(line, from, to - from) != null;
    }
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
