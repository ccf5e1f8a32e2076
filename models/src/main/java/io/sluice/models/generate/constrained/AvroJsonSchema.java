package io.sluice.models.generate.constrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Converts an Avro schema (.avsc) into the JSON Schema that constrained decoding compiles: records become objects
 * (a field whose type is a union with null is optional, the others required), enums string enums, arrays arrays,
 * the date logical type a string in the date format, numbers and the decimal logical type integer or number (a
 * decimal is an amount: asking for a number keeps currency symbols and words out of it), other bytes and fixed
 * strings. Maps and
 * recursive records have no finite JSON Schema of this subset and are refused.
 */
public final class AvroJsonSchema {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AvroJsonSchema() {}

  public static String fromAvsc(Path avsc) throws IOException {
    return JsonText.write(convert(new Schema.Parser().parse(avsc.toFile())));
  }

  /** The JSON Schema (draft 2020-12) of an Avro schema. */
  public static JsonNode convert(Schema avro) {
    ObjectNode schema = (ObjectNode) convert(avro, new HashSet<>());
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    return schema;
  }

  private static JsonNode convert(Schema avro, Set<String> recordsInProgress) {
    if (avro.getLogicalType() instanceof LogicalTypes.Date) {
      return JSON.objectNode().put("type", "string").put("format", "date");
    }
    if (avro.getLogicalType() instanceof LogicalTypes.Decimal) {
      return type("number");
    }
    switch (avro.getType()) {
      case RECORD:
        return record(avro, recordsInProgress);
      case ENUM:
        ObjectNode enumeration = JSON.objectNode();
        avro.getEnumSymbols().forEach(enumeration.putArray("enum")::add);
        return enumeration;
      case ARRAY:
        ObjectNode array = JSON.objectNode().put("type", "array");
        array.set("items", convert(avro.getElementType(), recordsInProgress));
        return array;
      case UNION:
        return union(avro, recordsInProgress);
      case STRING:
      case BYTES:
      case FIXED:
        return type("string");
      case INT:
      case LONG:
        return type("integer");
      case FLOAT:
      case DOUBLE:
        return type("number");
      case BOOLEAN:
        return type("boolean");
      case NULL:
        return type("null");
      default:
        throw new IllegalArgumentException("Avro type " + avro.getType() + " (" + avro.getFullName()
            + ") has no JSON Schema for constrained decoding; use a record or an array instead of a map");
    }
  }

  private static JsonNode type(String name) {
    return JSON.objectNode().put("type", name);
  }

  private static JsonNode record(Schema avro, Set<String> recordsInProgress) {
    if (!recordsInProgress.add(avro.getFullName())) {
      throw new IllegalArgumentException("record " + avro.getFullName()
          + " contains itself; recursive schemas cannot be decoded with a finite automaton");
    }
    ObjectNode object = JSON.objectNode().put("type", "object");
    ObjectNode properties = object.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (Schema.Field field : avro.getFields()) {
      JsonNode property = convert(field.schema(), recordsInProgress);
      if (field.doc() != null && property.isObject()) {
        ((ObjectNode) property).put("description", field.doc());
      }
      properties.set(field.name(), property);
      if (!isOptional(field.schema())) {
        required.add(field.name());
      }
    }
    object.set("required", required);
    recordsInProgress.remove(avro.getFullName());
    return object;
  }

  private static boolean isOptional(Schema schema) {
    return schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
  }

  private static JsonNode union(Schema avro, Set<String> recordsInProgress) {
    List<JsonNode> alternatives = new ArrayList<>();
    for (Schema branch : avro.getTypes()) {
      alternatives.add(convert(branch, recordsInProgress));
    }
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    ObjectNode anyOf = JSON.objectNode();
    anyOf.putArray("anyOf").addAll(alternatives);
    return anyOf;
  }
}
