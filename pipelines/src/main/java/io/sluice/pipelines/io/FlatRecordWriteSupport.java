package io.sluice.pipelines.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * parquet-avro's {@link AvroWriteSupport} (same Parquet schema, same file metadata, same values) with the records of
 * flat schemas written by field writers chosen once per schema: the fields are strings, numbers, booleans, unions of
 * null and one of those, and maps of those, which is every schema a sweep writes. parquet-avro instead inspects the
 * Avro schema of every value it writes, and encodes a {@code java.lang.String} through a CharsetEncoder char by char,
 * where {@code String.getBytes(UTF_8)}, used here, is vectorized. Records of other schemas (nested records, arrays,
 * bytes, logical types) are written by parquet-avro as before.
 */
final class FlatRecordWriteSupport extends AvroWriteSupport<GenericRecord> {
  /** parquet-avro's names of a map's levels. */
  private static final String MAP_ENTRIES = "key_value";
  private static final String MAP_KEY = "key";
  private static final String MAP_VALUE = "value";

  /** One writer per top-level field, in schema order; null when the schema is not flat. */
  private final List<FieldWriter> fields;
  private RecordConsumer consumer;

  FlatRecordWriteSupport(MessageType parquetSchema, Schema avroSchema) {
    super(parquetSchema, avroSchema, GenericData.get());
    this.fields = fieldWriters(parquetSchema, avroSchema);
  }

  /** Whether records of {@code schema} take the field-writer path (for tests and for the reader of the code). */
  boolean writesFieldByField() {
    return fields != null;
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    super.prepareForWrite(recordConsumer);
    this.consumer = recordConsumer;
  }

  @Override
  public void write(GenericRecord record) {
    if (fields == null) {
      super.write(withUtf8Strings(record));
      return;
    }
    consumer.startMessage();
    for (FieldWriter field : fields) {
      field.write(consumer, record);
    }
    consumer.endMessage();
  }

  /**
   * A copy whose top-level strings are {@link Utf8}, which parquet-avro writes as they are instead of through its
   * CharsetEncoder; the record itself is not modified.
   */
  private static GenericRecord withUtf8Strings(GenericRecord record) {
    Schema schema = record.getSchema();
    GenericData.Record copy = new GenericData.Record(schema);
    for (int i = 0; i < schema.getFields().size(); i++) {
      Object value = record.get(i);
      copy.put(i, value instanceof String s ? new Utf8(s) : value);
    }
    return copy;
  }

  /** Writes one value: the Avro value of a field, a map key or a map value. */
  @FunctionalInterface
  private interface ValueWriter {
    void write(RecordConsumer consumer, Object value);
  }

  /** One top-level field: skipped when null (parquet-avro's rule: an error when the column is required). */
  private record FieldWriter(String name, int index, boolean required, ValueWriter value) {
    void write(RecordConsumer consumer, GenericRecord record) {
      Object v = record.get(index);
      if (v == null) {
        if (required) {
          throw new RuntimeException("Null-value for required field: " + name);
        }
        return;
      }
      consumer.startField(name, index);
      value.write(consumer, v);
      consumer.endField(name, index);
    }
  }

  /** Field writers for every field of a flat schema, or null when a field is of another kind. */
  private static List<FieldWriter> fieldWriters(MessageType parquetSchema, Schema avroSchema) {
    if (avroSchema.getType() != Schema.Type.RECORD || avroSchema.getLogicalType() != null) {
      return null;
    }
    List<FieldWriter> writers = new ArrayList<>();
    for (Schema.Field field : avroSchema.getFields()) {
      Schema schema = nonNull(field.schema());
      // Null-typed fields have no Parquet column, so Avro and Parquet positions would differ.
      ValueWriter value = schema == null ? null : valueWriter(schema);
      if (value == null) {
        return null;
      }
      Type column = parquetSchema.getType(field.pos());
      writers.add(new FieldWriter(column.getName(), field.pos(), column.isRepetition(Type.Repetition.REQUIRED), value));
    }
    return writers;
  }

  /** The schema itself, or the one branch of a union with null; null for other unions and for null. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() == Schema.Type.NULL) {
      return null;
    }
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches = schema.getTypes();
    if (branches.size() != 2) {
      return null;
    }
    Schema first = branches.get(0);
    Schema second = branches.get(1);
    if (first.getType() == Schema.Type.NULL && second.getType() != Schema.Type.NULL) {
      return second;
    }
    return second.getType() == Schema.Type.NULL && first.getType() != Schema.Type.NULL ? first : null;
  }

  /** The writer of a value of {@code schema}, or null when it is not a flat kind. */
  private static ValueWriter valueWriter(Schema schema) {
    if (schema.getLogicalType() != null) {
      return null; // parquet-avro converts logical types; left to it
    }
    return switch (schema.getType()) {
      case STRING -> (consumer, value) -> consumer.addBinary(utf8(value));
      case INT -> (consumer, value) ->
          consumer.addInteger(value instanceof Character c ? c : ((Number) value).intValue());
      case LONG -> (consumer, value) -> consumer.addLong(((Number) value).longValue());
      case FLOAT -> (consumer, value) -> consumer.addFloat(((Number) value).floatValue());
      case DOUBLE -> (consumer, value) -> consumer.addDouble(((Number) value).doubleValue());
      case BOOLEAN -> (consumer, value) -> consumer.addBoolean((Boolean) value);
      case MAP -> mapWriter(schema);
      default -> null;
    };
  }

  /** A map as parquet-avro writes it: a group of repeated key/value groups, the values required or optional. */
  private static ValueWriter mapWriter(Schema mapSchema) {
    Schema valueSchema = mapSchema.getValueType();
    Schema nonNullValue = nonNull(valueSchema);
    ValueWriter value = nonNullValue == null || nonNullValue.getType() == Schema.Type.MAP ? null : valueWriter(nonNullValue);
    if (value == null) {
      return null;
    }
    boolean optionalValues = nonNullValue != valueSchema;
    return (consumer, map) -> {
      Map<?, ?> entries = (Map<?, ?>) map;
      consumer.startGroup();
      if (!entries.isEmpty()) {
        consumer.startField(MAP_ENTRIES, 0);
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
          consumer.startGroup();
          consumer.startField(MAP_KEY, 0);
          consumer.addBinary(utf8(entry.getKey()));
          consumer.endField(MAP_KEY, 0);
          Object v = entry.getValue();
          if (v != null) {
            consumer.startField(MAP_VALUE, 1);
            value.write(consumer, v);
            consumer.endField(MAP_VALUE, 1);
          } else if (!optionalValues) {
            throw new RuntimeException("Null map value for " + mapSchema.getName());
          }
          consumer.endGroup();
        }
        consumer.endField(MAP_ENTRIES, 0);
      }
      consumer.endGroup();
    };
  }

  /**
   * The UTF-8 bytes of a string value. The array is not reused, so Parquet may keep it (statistics, dictionary)
   * without a copy.
   */
  private static Binary utf8(Object value) {
    if (value instanceof Utf8 utf8) {
      return Binary.fromReusedByteArray(utf8.getBytes(), 0, utf8.getByteLength());
    }
    return Binary.fromConstantByteArray(value.toString().getBytes(StandardCharsets.UTF_8));
  }
}
