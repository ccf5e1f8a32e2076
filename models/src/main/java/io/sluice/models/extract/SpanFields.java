package io.sluice.models.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * What a span model needs to know of a record schema (.avsc): its fields in order, whether each holds one value
 * or an array, and what kind of value it is ({@link Kind}, used only to compare values when evaluating). Typing
 * and normalising the extracted values is the extraction transform's job, not the span model's.
 */
record SpanFields(List<Field> fields) {
  /** How a value is compared in evaluation: as text, as an amount, or as a date. */
  enum Kind { TEXT, AMOUNT, DATE }

  /** One field: its name, whether it is an array, and its kind. */
  record Field(String name, boolean repeated, Kind kind) {}

  SpanFields {
    fields = List.copyOf(fields);
  }

  List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  static SpanFields read(Path avsc) throws IOException {
    Schema schema;
    try {
      schema = new Schema.Parser().parse(avsc.toFile());
    } catch (SchemaParseException e) {
      throw new IllegalArgumentException("schema " + avsc + " is not a valid Avro schema: " + e.getMessage(), e);
    }
    if (schema.getType() != Schema.Type.RECORD || schema.getFields().isEmpty()) {
      throw new IllegalArgumentException("schema " + avsc + " must be an Avro record with at least one field");
    }
    List<Field> out = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      Schema type = nonNull(f.schema());
      boolean repeated = type.getType() == Schema.Type.ARRAY;
      out.add(new Field(f.name(), repeated, kind(repeated ? nonNull(type.getElementType()) : type)));
    }
    return new SpanFields(out);
  }

  /** The non-null branch of an optional field (a union with null). */
  private static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
  }

  private static Kind kind(Schema s) {
    if (s.getLogicalType() instanceof LogicalTypes.Date) {
      return Kind.DATE;
    }
    if (s.getLogicalType() instanceof LogicalTypes.Decimal) {
      return Kind.AMOUNT;
    }
    return switch (s.getType()) {
      case INT, LONG, FLOAT, DOUBLE -> Kind.AMOUNT;
      default -> Kind.TEXT;
    };
  }
}
