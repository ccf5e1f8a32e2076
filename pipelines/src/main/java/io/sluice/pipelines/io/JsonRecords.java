package io.sluice.pipelines.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro records as plain JSON objects: {@code {"id":"a","source":"f:1"}}, not Avro's JSON encoding with
 * union tags ({@code {"source":{"string":"f:1"}}}), so JSONL outputs read naturally in any tool.
 */
public final class JsonRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonRecords() {}

  /** One line of JSON. */
  public static String toJson(GenericRecord record) {
    try {
      return MAPPER.writeValueAsString(toNode(record));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON, for files people read (summary.json). */
  public static String toPrettyJson(GenericRecord record) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(record));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A value with its schema: dates (logical type date) as ISO-8601 text and decimals as numbers, as people read
   * them, instead of Avro's days since the epoch and unscaled bytes.
   */
  private static JsonNode toNode(Object value, Schema schema) {
    Schema type = schema.getType() == Schema.Type.UNION
        ? schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(schema) : schema;
    if (value == null) {
      return NODES.nullNode();
    }
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.Date && value instanceof Integer days) {
      return NODES.textNode(LocalDate.ofEpochDay(days).toString());
    }
    if (logical instanceof LogicalTypes.Decimal && value instanceof ByteBuffer bytes) {
      return NODES.numberNode(DECIMALS.fromBytes(bytes.duplicate(), type, logical));
    }
    if (logical instanceof LogicalTypes.Decimal && value instanceof GenericFixed fixed) {
      return NODES.numberNode(DECIMALS.fromFixed(fixed, type, logical));
    }
    if (type.getType() == Schema.Type.ARRAY && value instanceof Collection<?> items) {
      ArrayNode node = NODES.arrayNode();
      items.forEach(item -> node.add(toNode(item, type.getElementType())));
      return node;
    }
    return toNode(value);
  }

  static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof GenericRecord record) {
      ObjectNode node = NODES.objectNode();
      record.getSchema().getFields().forEach(f -> node.set(f.name(), toNode(record.get(f.pos()), f.schema())));
      return node;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      map.forEach((k, v) -> node.set(k.toString(), toNode(v)));
      return node;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode node = NODES.arrayNode();
      items.forEach(item -> node.add(toNode(item)));
      return node;
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    return NODES.textNode(value.toString());
  }
}
