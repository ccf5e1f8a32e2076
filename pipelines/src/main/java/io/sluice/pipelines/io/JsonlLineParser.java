package io.sluice.pipelines.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;

/**
 * Turns one decoded JSONL line into a {@link Document} or a dead letter that says why not.
 *
 * <p>Id rule: the id field as a string (numbers are accepted as their decimal form); when the field is
 * absent or null the id is derived from the source, {@code <file name>:<line>}, so a record is never lost
 * for lacking an id. An id that is an object, array or boolean is a MISSING_ID dead letter. Texts that
 * are empty or only whitespace are EMPTY_TEXT dead letters: there is nothing to sweep.
 */
final class JsonlLineParser {

  /** Either a document or a dead letter. */
  record Parsed(Document document, DeadLetter deadLetter) {}

  private final ReadSettings settings;
  private final ObjectMapper mapper;

  JsonlLineParser(ReadSettings settings) {
    this.settings = settings;
    // Jackson caps strings at 20M chars by default; our cap is maxDocBytes, checked before parsing.
    int maxString = (int) Math.min(Integer.MAX_VALUE, Math.max(settings.maxDocBytes(), 1));
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString).build())
            .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  Parsed parse(String line, String source) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      // Jackson's message can quote the input: keep only the location.
      return dead(null, source, ErrorKinds.MALFORMED_JSON, "not valid JSON at " + location(e), line);
    }
    if (node == null || !node.isObject()) {
      return dead(null, source, ErrorKinds.MALFORMED_JSON, "line is not a JSON object", line);
    }
    JsonNode idNode = node.get(settings.idField());
    String id;
    if (idNode == null || idNode.isNull()) {
      id = source;
    } else if (idNode.isTextual() || idNode.isNumber()) {
      id = idNode.asText();
    } else {
      return dead(null, source, ErrorKinds.MISSING_ID,
          "field '" + settings.idField() + "' is a " + idNode.getNodeType() + ", not a string or number", line);
    }
    JsonNode textNode = node.get(settings.textField());
    if (textNode == null || textNode.isNull()) {
      return dead(id, source, ErrorKinds.MISSING_TEXT, "no field '" + settings.textField() + "'", line);
    }
    if (!textNode.isTextual()) {
      return dead(id, source, ErrorKinds.NON_STRING_TEXT,
          "field '" + settings.textField() + "' is a " + textNode.getNodeType() + ", not a string", line);
    }
    String text = textNode.textValue();
    if (text.isBlank()) {
      return dead(id, source, ErrorKinds.EMPTY_TEXT, "text is empty or whitespace only", line);
    }
    return new Parsed(Document.newBuilder().setId(id).setText(text).setSource(source).build(), null);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "unknown position" : "column " + e.getLocation().getColumnNr();
  }

  private static Parsed dead(String id, String source, String kind, String message, String raw) {
    return new Parsed(null, DeadLetters.of(id, source, ReadOutputs.STAGE, kind, message, raw));
  }
}
