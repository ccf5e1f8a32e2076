package io.sluice.synth.fields;

import io.sluice.synth.SpecException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Matches generators to Avro field types: {@link #check} rejects a spec whose generator cannot fill its field,
 * {@link #convert} turns a generated value into the Avro value written to the record.
 */
public final class AvroFields {
  private AvroFields() {}

  /** The schema of the value itself: a nullable union's non-null branch. */
  public static Schema valueSchema(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.get(0) : schema;
  }

  public static boolean nullable(Schema schema) {
    return schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
  }

  /** Fails with what to fix when {@code spec}'s generator cannot fill a field of type {@code schema}. */
  public static void check(FieldSpec spec, Schema schema) {
    Schema value = valueSchema(schema);
    ValueKind kind = spec.generator().kind();
    String where = "fields." + spec.name();
    boolean fits = switch (value.getType()) {
      case STRING -> kind == ValueKind.STRING || kind == ValueKind.TEXT || kind == ValueKind.TIMESTAMP;
      case ENUM -> kind == ValueKind.STRING && enumValuesKnown(spec, value, where);
      case INT -> kind == ValueKind.INTEGER || kind == ValueKind.TIMESTAMP && isLogical(value, "date");
      case LONG -> kind == ValueKind.INTEGER || kind == ValueKind.TIMESTAMP;
      case FLOAT, DOUBLE -> kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL;
      case ARRAY -> kind == ValueKind.SPANS && isSpanRecord(value.getElementType());
      default -> false;
    };
    if (!fits) {
      throw new SpecException(where + ": a " + kind.name().toLowerCase() + " generator cannot fill Avro type "
          + value + "; " + hint(value.getType()));
    }
    if (spec.nullRate() > 0 && !nullable(schema)) {
      throw new SpecException(where + ".null_rate needs a nullable field: make its type [\"null\", ...] in the "
          + "schema or remove null_rate");
    }
    if (spec.entityType() != null && kind != ValueKind.STRING) {
      throw new SpecException(where + ".entity_type applies to text values (faker, choice, lookup, lines), not "
          + kind.name().toLowerCase());
    }
  }

  private static String hint(Schema.Type type) {
    return switch (type) {
      case STRING -> "use faker, choice, lookup, lines, template, date, or sequence with a format";
      case ENUM -> "use choice or lookup with the enum's symbols";
      case INT, LONG -> "use uniform/normal/lognormal or sequence (or date for date/timestamp-millis)";
      case FLOAT, DOUBLE -> "use uniform, normal or lognormal";
      case ARRAY -> "arrays hold spans: an array of records {entity_type: string, start: int, end: int}";
      default -> "this type is not generated; give the field a default in the schema and no generator";
    };
  }

  private static boolean enumValuesKnown(FieldSpec spec, Schema enumSchema, String where) {
    List<String> values = new ArrayList<>();
    if (spec.generator() instanceof ChoiceField choice) {
      values.addAll(choice.values().values());
    } else if (spec.generator() instanceof LookupField lookup) {
      lookup.table().values().forEach(row -> values.addAll(row.values()));
      if (lookup.fallback() != null) {
        values.addAll(lookup.fallback().values());
      }
    } else {
      return false;
    }
    for (String v : values) {
      if (!enumSchema.hasEnumSymbol(v)) {
        throw new SpecException(where + ": '" + v + "' is not a symbol of enum " + enumSchema.getName() + " "
            + enumSchema.getEnumSymbols());
      }
    }
    return true;
  }

  private static boolean isLogical(Schema schema, String name) {
    LogicalType type = schema.getLogicalType();
    return type != null && type.getName().equals(name);
  }

  private static boolean isSpanRecord(Schema item) {
    if (item.getType() != Schema.Type.RECORD) {
      return false;
    }
    for (Schema.Field f : item.getFields()) {
      boolean known = switch (f.name()) {
        case "entity_type", "value" -> valueSchema(f.schema()).getType() == Schema.Type.STRING;
        case "start", "end" -> f.schema().getType() == Schema.Type.INT || f.schema().getType() == Schema.Type.LONG;
        default -> f.hasDefaultValue();
      };
      if (!known) {
        return false;
      }
    }
    return item.getField("entity_type") != null && item.getField("start") != null && item.getField("end") != null;
  }

  /** The Avro value of a generated value for a field of type {@code schema} (already {@link #check}ed). */
  public static Object convert(FieldSpec spec, Schema schema, Object generated) {
    if (generated == null) {
      return null;
    }
    Schema value = valueSchema(schema);
    return switch (value.getType()) {
      case STRING -> generated instanceof Instant instant ? ((DateField) spec.generator()).render(instant)
          : generated.toString();
      case ENUM -> {
        String symbol = generated.toString();
        if (!value.hasEnumSymbol(symbol)) {
          throw new IllegalStateException("'" + symbol + "' is not a symbol of enum " + value.getName());
        }
        yield new GenericData.EnumSymbol(value, symbol);
      }
      case INT -> generated instanceof Instant instant ? (int) Math.floorDiv(instant.getEpochSecond(), 86_400)
          : Math.toIntExact((Long) generated);
      case LONG -> generated instanceof Instant instant ? instantAsLong(instant, value) : generated;
      case FLOAT -> ((Number) generated).floatValue();
      case DOUBLE -> ((Number) generated).doubleValue();
      case ARRAY -> spans(value.getElementType(), generated);
      default -> throw new IllegalStateException("unchecked type " + value);
    };
  }

  private static long instantAsLong(Instant instant, Schema schema) {
    return isLogical(schema, "timestamp-micros") ? instant.getEpochSecond() * 1_000_000L : instant.toEpochMilli();
  }

  private static List<GenericData.Record> spans(Schema item, Object generated) {
    @SuppressWarnings("unchecked")
    List<TemplateText.Span> spans = (List<TemplateText.Span>) generated;
    List<GenericData.Record> out = new ArrayList<>(spans.size());
    boolean intOffsets = item.getField("start").schema().getType() == Schema.Type.INT;
    for (TemplateText.Span s : spans) {
      GenericData.Record r = new GenericData.Record(item);
      r.put("entity_type", s.entityType());
      r.put("start", intOffsets ? (Object) s.start() : (Object) (long) s.start());
      r.put("end", intOffsets ? (Object) s.end() : (Object) (long) s.end());
      if (item.getField("value") != null) {
        r.put("value", s.value());
      }
      for (Schema.Field f : item.getFields()) {
        if (r.get(f.pos()) == null && f.hasDefaultValue()) {
          r.put(f.pos(), GenericData.get().getDefaultValue(f));
        }
      }
      out.add(r);
    }
    return out;
  }
}
