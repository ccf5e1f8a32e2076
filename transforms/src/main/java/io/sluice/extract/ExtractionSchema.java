package io.sluice.extract;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A user's Avro record schema read for extraction: the fields to extract (each field's {@code doc} is its
 * instruction) and the schema of the records written, which also carries the document id.
 *
 * <p>The document id goes in a string field named {@value #DOC_ID}: when the user schema declares it (it must then
 * be a plain, non-null string), Sluice fills it instead of extracting it; otherwise it is added as the first field
 * of the output schema. Supported field types: string, int, long, double, boolean, enum, date (int with logical
 * type date), decimal (bytes or fixed with logical type decimal), arrays of these, and any of them optional (a union
 * with null). Anything else fails at once with a {@link SchemaException} naming the field.
 */
public final class ExtractionSchema implements Serializable {
  public static final String DOC_ID = "doc_id";

  private final String outputJson;
  private final List<FieldSpec> fields;
  private transient Schema output;

  private ExtractionSchema(Schema output, List<FieldSpec> fields) {
    this.outputJson = output.toString();
    this.fields = List.copyOf(fields);
    this.output = output;
  }

  public static ExtractionSchema fromFile(Path avsc) throws IOException {
    return parse(Files.readString(avsc));
  }

  /** Reads an .avsc text; throws {@link SchemaException} saying what to fix. */
  public static ExtractionSchema parse(String avscJson) {
    Schema user;
    try {
      user = new Schema.Parser().parse(avscJson);
    } catch (SchemaParseException e) {
      throw new SchemaException("not a valid Avro schema: " + e.getMessage());
    }
    if (user.getType() != Schema.Type.RECORD) {
      throw new SchemaException("the schema must be an Avro record (one per document), not " + user.getType());
    }
    List<FieldSpec> fields = new ArrayList<>();
    boolean hasDocId = false;
    for (Schema.Field field : user.getFields()) {
      if (field.name().equals(DOC_ID)) {
        if (field.schema().getType() != Schema.Type.STRING) {
          throw new SchemaException("field '" + DOC_ID + "' holds the document id and must be a plain \"string\" "
              + "(or leave it out and Sluice adds it)");
        }
        hasDocId = true;
      } else {
        fields.add(spec(field));
      }
    }
    if (fields.isEmpty()) {
      throw new SchemaException("the schema has no field to extract");
    }
    return new ExtractionSchema(hasDocId ? user : withDocId(user), fields);
  }

  /** The fields to extract, in schema order ({@value #DOC_ID} excluded). */
  public List<FieldSpec> fields() {
    return fields;
  }

  /** The schema of the written records: the user's, with {@value #DOC_ID}. */
  public Schema output() {
    if (output == null) {
      output = new Schema.Parser().parse(outputJson);
    }
    return output;
  }

  /** The output schema without {@value #DOC_ID}: what an extractor is asked to fill. */
  public Schema extracted() {
    Schema out = output();
    List<Schema.Field> copies = new ArrayList<>();
    for (Schema.Field f : out.getFields()) {
      if (!f.name().equals(DOC_ID)) {
        copies.add(new Schema.Field(f, f.schema()));
      }
    }
    return Schema.createRecord(out.getName(), out.getDoc(), out.getNamespace(), false, copies);
  }

  private static Schema withDocId(Schema user) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(new Schema.Field(DOC_ID, Schema.create(Schema.Type.STRING), "id of the document the record was "
        + "extracted from"));
    for (Schema.Field f : user.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    return Schema.createRecord(user.getName(), user.getDoc(), user.getNamespace(), false, fields);
  }

  private static FieldSpec spec(Schema.Field field) {
    Schema type = field.schema();
    boolean optional = false;
    if (type.getType() == Schema.Type.UNION) {
      List<Schema> branches = type.getTypes();
      List<Schema> nonNull = branches.stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
      if (branches.size() != 2 || nonNull.size() != 1) {
        throw unsupported(field, "a union is supported only as [\"null\", T] (an optional field)");
      }
      optional = true;
      type = nonNull.get(0);
    }
    boolean array = type.getType() == Schema.Type.ARRAY;
    if (array) {
      type = type.getElementType();
      if (type.getType() == Schema.Type.UNION || type.getType() == Schema.Type.ARRAY) {
        throw unsupported(field, "array items must be a plain type (no nested arrays or nullable items)");
      }
    }
    FieldKind kind = kindOf(field, type);
    List<String> symbols = kind == FieldKind.ENUM ? type.getEnumSymbols() : List.of();
    int precision = 0;
    int scale = 0;
    if (kind == FieldKind.DECIMAL) {
      LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) type.getLogicalType();
      precision = decimal.getPrecision();
      scale = decimal.getScale();
    }
    return new FieldSpec(field.name(), field.doc(), kind, array, optional, symbols, precision, scale);
  }

  private static FieldKind kindOf(Schema.Field field, Schema type) {
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.Date) {
      return FieldKind.DATE;
    }
    if (logical instanceof LogicalTypes.Decimal) {
      return FieldKind.DECIMAL;
    }
    if (logical != null) {
      throw unsupported(field, "logical type " + logical.getName() + " is not supported (date and decimal are)");
    }
    return switch (type.getType()) {
      case STRING -> FieldKind.STRING;
      case INT -> FieldKind.INT;
      case LONG -> FieldKind.LONG;
      case DOUBLE -> FieldKind.DOUBLE;
      case BOOLEAN -> FieldKind.BOOLEAN;
      case ENUM -> FieldKind.ENUM;
      case FLOAT -> throw unsupported(field, "float is not supported; use double");
      case BYTES, FIXED -> throw unsupported(field, type.getType().getName()
          + " is supported only with logical type decimal");
      default -> throw unsupported(field, type.getType().getName() + " is not supported (string, int, long, double, "
          + "boolean, enum, date, decimal, arrays of these, optional with null)");
    };
  }

  private static SchemaException unsupported(Schema.Field field, String why) {
    return new SchemaException("field '" + field.name() + "': " + why);
  }
}
