package io.sluice.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Normalises a document's raw field values (as a {@link io.sluice.models.extract.FieldExtractor} returns them) and
 * builds the typed record of the output schema, in Avro's own representation (dates as days since the epoch,
 * decimals as unscaled bytes or fixed, enums as symbols), so the record validates against the schema.
 *
 * <p>Rules: a scalar takes the first of its raw values. A missing value makes an optional field null, a required
 * array empty and a required scalar fail the document (MISSING_FIELD). A value that cannot be normalised (for an
 * array, any of its items) makes an optional field null and is reported in {@link Assembly#nulledFields()}; for a
 * required field it fails the document (NOT_NORMALISED).
 */
public final class RecordAssembler {
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();
  private final ExtractionSchema schema;

  public RecordAssembler(ExtractionSchema schema) {
    this.schema = schema;
  }

  public Assembly assemble(String docId, Map<String, List<String>> raw) {
    Schema output = schema.output();
    GenericData.Record record = new GenericData.Record(output);
    record.put(ExtractionSchema.DOC_ID, docId);
    List<String> nulled = new ArrayList<>();
    for (FieldSpec field : schema.fields()) {
      List<String> values = present(raw.get(field.name()));
      Schema valueSchema = valueSchema(output.getField(field.name()).schema());
      if (values.isEmpty()) {
        if (!field.optional() && !field.array()) {
          return Assembly.failed(ExtractMetrics.MISSING_FIELD, "required field '" + field.name() + "' was not found");
        }
        record.put(field.name(), field.optional() ? null : List.of());
        continue;
      }
      try {
        record.put(field.name(), field.array() ? items(field, valueSchema, values)
            : avroValue(field, valueSchema, FieldNormaliser.normalise(field, values.get(0))));
      } catch (NotNormalisable e) {
        if (!field.optional()) {
          return Assembly.failed(ExtractMetrics.NOT_NORMALISED,
              "required field '" + field.name() + "' (" + kindName(field) + "): " + e.getMessage());
        }
        record.put(field.name(), null);
        nulled.add(field.name());
      }
    }
    return Assembly.built(record, nulled);
  }

  private static List<Object> items(FieldSpec field, Schema arraySchema, List<String> values) {
    List<Object> items = new ArrayList<>(values.size());
    for (String v : values) {
      items.add(avroValue(field, arraySchema.getElementType(), FieldNormaliser.normalise(field, v)));
    }
    return items;
  }

  /** Avro's representation of a canonical value; {@code type} is the (array item or scalar) schema. */
  private static Object avroValue(FieldSpec field, Schema type, Object value) {
    return switch (field.kind()) {
      case ENUM -> new GenericData.EnumSymbol(type, (String) value);
      case DATE -> (int) ((LocalDate) value).toEpochDay();
      case DECIMAL -> type.getType() == Schema.Type.FIXED
          ? DECIMALS.toFixed((BigDecimal) value, type, type.getLogicalType())
          : DECIMALS.toBytes((BigDecimal) value, type, type.getLogicalType());
      default -> value;
    };
  }

  /** The non-null branch of an optional field's union. */
  private static Schema valueSchema(Schema fieldSchema) {
    if (fieldSchema.getType() != Schema.Type.UNION) {
      return fieldSchema;
    }
    return fieldSchema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
  }

  private static List<String> present(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }

  private static String kindName(FieldSpec field) {
    String kind = field.kind().name().toLowerCase(java.util.Locale.ROOT);
    return field.array() ? "array of " + kind : kind;
  }
}
