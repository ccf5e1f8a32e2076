package io.sluice.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ExtractionSchemaTest {
  static final Path RECEIPT = Path.of("..", "conf", "extract", "receipt.avsc");

  @Test
  void theReceiptSchemaGivesFieldSpecsAndAnOutputSchemaWithTheDocumentId() throws Exception {
    ExtractionSchema schema = ExtractionSchema.fromFile(RECEIPT);
    List<FieldSpec> fields = schema.fields();
    assertEquals(List.of("company", "date", "total", "currency", "payment", "item_count", "items"),
        fields.stream().map(FieldSpec::name).toList());
    FieldSpec company = fields.get(0);
    assertEquals(FieldKind.STRING, company.kind());
    assertFalse(company.optional());
    assertEquals("Name of the company or shop that issued the receipt.", company.instruction());
    assertEquals(FieldKind.DATE, fields.get(1).kind());
    FieldSpec total = fields.get(2);
    assertEquals(FieldKind.DECIMAL, total.kind());
    assertEquals(12, total.precision());
    assertEquals(2, total.scale());
    assertEquals(List.of("MYR", "USD", "EUR", "GBP"), fields.get(3).symbols());
    assertTrue(fields.get(3).optional());
    assertEquals(FieldKind.INT, fields.get(5).kind());
    assertTrue(fields.get(6).array());
    assertFalse(fields.get(6).optional());

    Schema output = schema.output();
    assertEquals(ExtractionSchema.DOC_ID, output.getFields().get(0).name());
    assertEquals(Schema.Type.STRING, output.getField(ExtractionSchema.DOC_ID).schema().getType());
    assertEquals("io.sluice.examples.Receipt", output.getFullName());
    assertEquals(7, schema.extracted().getFields().size());
    assertEquals("Total amount paid, including tax.", schema.extracted().getField("total").doc());
  }

  @Test
  void aDeclaredDocIdIsFilledNotExtracted() {
    ExtractionSchema schema = ExtractionSchema.parse(record(
        "{\"name\": \"title\", \"type\": \"string\"}, {\"name\": \"doc_id\", \"type\": \"string\"}"));
    assertEquals(List.of("title"), schema.fields().stream().map(FieldSpec::name).toList());
    assertEquals(List.of("title", "doc_id"), schema.output().getFields().stream().map(Schema.Field::name).toList());
  }

  @Test
  void unsupportedTypesFailNamingTheField() {
    assertRefused("{\"name\": \"tags\", \"type\": {\"type\": \"map\", \"values\": \"string\"}}", "'tags'");
    assertRefused("{\"name\": \"x\", \"type\": [\"string\", \"int\"]}", "'x'");
    assertRefused("{\"name\": \"w\", \"type\": \"float\"}", "use double");
    assertRefused("{\"name\": \"blob\", \"type\": \"bytes\"}", "'blob'");
    assertRefused("{\"name\": \"at\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}",
        "timestamp-millis");
    assertRefused("{\"name\": \"m\", \"type\": {\"type\": \"array\", \"items\": {\"type\": \"array\", \"items\": "
        + "\"int\"}}}", "'m'");
    assertRefused("{\"name\": \"inner\", \"type\": {\"type\": \"record\", \"name\": \"In\", \"fields\": []}}",
        "'inner'");
    assertRefused("{\"name\": \"doc_id\", \"type\": \"int\"}, {\"name\": \"a\", \"type\": \"string\"}", "doc_id");
    assertRefused("{\"name\": \"doc_id\", \"type\": \"string\"}", "no field");
  }

  @Test
  void notARecordOrNotAvroFails() {
    assertTrue(assertThrows(SchemaException.class, () -> ExtractionSchema.parse("\"string\"")).getMessage()
        .contains("record"));
    assertTrue(assertThrows(SchemaException.class, () -> ExtractionSchema.parse("{\"type\": \"recrod\"}"))
        .getMessage().contains("not a valid Avro schema"));
  }

  private static void assertRefused(String fields, String expected) {
    SchemaException e = assertThrows(SchemaException.class, () -> ExtractionSchema.parse(record(fields)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  static String record(String fields) {
    return "{\"type\": \"record\", \"name\": \"R\", \"fields\": [" + fields + "]}";
  }
}
