package io.sluice.models.generate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * Accepts text that is exactly one JSON value of the schema's top-level type: what every schema-constrained
 * output must at least be (an output cut off by max_new_tokens is not).
 */
public final class JsonOutputCheck implements OutputCheck {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final JsonNodeType expectedType;

  /** @param expectedType the schema's top-level type, or null for any JSON value */
  public JsonOutputCheck(JsonNodeType expectedType) {
    this.expectedType = expectedType;
  }

  public static JsonOutputCheck forSchema(JsonNode schema) {
    return new JsonOutputCheck(switch (schema.path("type").asText("")) {
      case "object" -> JsonNodeType.OBJECT;
      case "array" -> JsonNodeType.ARRAY;
      case "string" -> JsonNodeType.STRING;
      case "boolean" -> JsonNodeType.BOOLEAN;
      case "number", "integer" -> JsonNodeType.NUMBER;
      default -> null;
    });
  }

  @Override
  public String problem(String text) {
    JsonNode value;
    try (JsonParser parser = JSON.createParser(text)) {
      value = JSON.readTree(parser);
      if (value == null) {
        return "output is empty, not JSON";
      }
      if (parser.nextToken() != null) {
        return "output has text after its JSON value";
      }
    } catch (JsonProcessingException e) {
      return "output is not valid JSON (" + e.getOriginalMessage() + ")";
    } catch (java.io.IOException e) {
      return "output could not be read as JSON";
    }
    if (expectedType != null && value.getNodeType() != expectedType) {
      return "output is a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", the schema wants "
          + expectedType.name().toLowerCase(java.util.Locale.ROOT);
    }
    return null;
  }
}
