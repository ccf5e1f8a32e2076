package io.sluice.models.generate.constrained;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a JSON Schema (the draft 2020-12 subset below) into the automaton's value schemas. Supported: type (one or
 * a list), object properties/required (other properties are never written), string maxLength and format date,
 * number, integer, boolean, null, enum, const, array items/minItems/maxItems, anyOf/oneOf of alternatives that
 * start differently (a type or null). Anything else that would constrain the output (pattern, minimum, $ref, ...)
 * is refused with a message, so a schema never silently decodes into documents that fail it.
 */
final class JsonSchemaCompiler {
  /** Strings without maxLength stop at this many characters so that every string ends. */
  static final int DEFAULT_MAX_STRING_LENGTH = 512;

  /** Keywords that annotate without constraining, and those handled by the code below. */
  private static final Set<String> KNOWN = Set.of("$schema", "$id", "$comment", "title", "description", "default",
      "examples", "deprecated", "readOnly", "writeOnly", "type", "enum", "const", "anyOf", "oneOf", "properties",
      "required", "additionalProperties", "items", "minItems", "maxItems", "maxLength", "format");

  private JsonSchemaCompiler() {}

  static ValueSchema compile(JsonNode schema) {
    return compile(schema, "#");
  }

  private static ValueSchema compile(JsonNode schema, String path) {
    if (!schema.isObject()) {
      throw unsupported(path, "a schema must be an object with a type, enum, const or anyOf");
    }
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw unsupported(path, "keyword '" + name + "' is not supported by constrained decoding");
      }
    }
    if (schema.has("const")) {
      return literals(List.of(schema.get("const")));
    }
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      if (values.isEmpty()) {
        throw unsupported(path, "enum needs at least one value");
      }
      return literals(values);
    }
    JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (alternatives != null) {
      List<ValueSchema> compiled = new ArrayList<>();
      for (int i = 0; i < alternatives.size(); i++) {
        compiled.add(compile(alternatives.get(i), path + "/anyOf/" + i));
      }
      return anyOf(compiled, path);
    }
    JsonNode type = schema.get("type");
    if (type == null && schema.has("properties")) {
      return object(schema, path);
    }
    if (type == null) {
      throw unsupported(path, "the schema needs a type, enum, const or anyOf");
    }
    if (type.isArray()) {
      List<ValueSchema> compiled = new ArrayList<>();
      for (JsonNode one : type) {
        compiled.add(ofType(one.asText(), schema, path));
      }
      return anyOf(compiled, path);
    }
    return ofType(type.asText(), schema, path);
  }

  private static ValueSchema anyOf(List<ValueSchema> alternatives, String path) {
    try {
      return alternatives.size() == 1 ? alternatives.get(0) : new AnyOfSchema(alternatives);
    } catch (IllegalArgumentException overlap) {
      throw unsupported(path, overlap.getMessage());
    }
  }

  private static ValueSchema ofType(String type, JsonNode schema, String path) {
    switch (type) {
      case "object":
        return object(schema, path);
      case "array":
        return array(schema, path);
      case "string":
        return string(schema, path);
      case "integer":
        return new NumberSchema(true);
      case "number":
        return new NumberSchema(false);
      case "boolean":
        return literals(List.of(JsonText.parse("true"), JsonText.parse("false")));
      case "null":
        return literals(List.of(JsonText.parse("null")));
      default:
        throw unsupported(path, "unknown type '" + type + "'");
    }
  }

  private static ValueSchema string(JsonNode schema, String path) {
    String format = schema.path("format").asText("");
    if ("date".equals(format)) {
      return new DateSchema();
    }
    int maxLength = schema.path("maxLength").asInt(DEFAULT_MAX_STRING_LENGTH);
    if (maxLength < 0) {
      throw unsupported(path, "maxLength must not be negative");
    }
    // other formats (email, date-time, ...) only annotate in draft 2020-12: plain strings validate
    return new StringSchema(maxLength);
  }

  private static ValueSchema array(JsonNode schema, String path) {
    if (!schema.has("items")) {
      throw unsupported(path, "an array needs an items schema");
    }
    int minItems = schema.path("minItems").asInt(0);
    int maxItems = schema.has("maxItems") ? schema.get("maxItems").asInt() : -1;
    if (minItems < 0 || (maxItems >= 0 && maxItems < minItems)) {
      throw unsupported(path, "an array needs 0 <= minItems <= maxItems, got " + minItems + " and " + maxItems);
    }
    return new ArraySchema(compile(schema.get("items"), path + "/items"), minItems, maxItems);
  }

  private static ValueSchema object(JsonNode schema, String path) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    List<ObjectSchema.Property> properties = new ArrayList<>();
    for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      ValueSchema value = compile(schema.get("properties").get(name), path + "/properties/" + name);
      properties.add(new ObjectSchema.Property(name, value, required.remove(name)));
    }
    if (!required.isEmpty()) {
      throw unsupported(path, "required properties without a schema in properties: " + required);
    }
    return new ObjectSchema(properties);
  }

  private static ValueSchema literals(List<JsonNode> values) {
    List<byte[]> literals = new ArrayList<>();
    for (JsonNode value : values) {
      literals.add(JsonText.write(value).getBytes(StandardCharsets.UTF_8));
    }
    return new LiteralSchema(literals);
  }

  private static IllegalArgumentException unsupported(String path, String message) {
    return new IllegalArgumentException(path + ": " + message);
  }
}
