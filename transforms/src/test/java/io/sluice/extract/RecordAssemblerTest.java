package io.sluice.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The normalise-and-build stage on the receipts' raw values: exact typed values, and the failure rules. */
class RecordAssemblerTest {
  private final ExtractionSchema schema = receiptSchema();
  private final RecordAssembler assembler = new RecordAssembler(schema);

  static ExtractionSchema receiptSchema() {
    try {
      return ExtractionSchema.fromFile(ExtractionSchemaTest.RECEIPT);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void receiptsBecomeTypedRecordsThatValidate() {
    Map<String, GenericRecord> byId = new HashMap<>();
    for (Receipts r : Receipts.all()) {
      Assembly a = assembler.assemble(r.id(), r.fields());
      assertTrue(a.succeeded(), r.id() + ": " + a.reason());
      assertEquals(List.of(), a.nulledFields());
      assertTrue(GenericData.get().validate(schema.output(), a.record()), r.id());
      byId.put(r.id(), a.record());
    }
    assertReceipt(byId.get("r1"), "KEDAI RUNCIT MAJU SDN BHD", LocalDate.of(2018, 12, 25), "27.50", "MYR", "CASH", 3,
        List.of("MILO 1KG", "GARDENIA BREAD"));
    assertReceipt(byId.get("r2"), "Blue Bottle Coffee", LocalDate.of(2019, 12, 5), "10.65", "USD", "CARD", 2,
        List.of("Latte", "Almond Croissant"));
    assertReceipt(byId.get("r3"), "Bäckerei Schmidt GmbH", LocalDate.of(2018, 12, 24), "5.20", "EUR", "CASH", 3,
        List.of("Brezel", "Roggenbrot"));
    assertReceipt(byId.get("r4"), "THE CORNER BOOKSHOP LTD", LocalDate.of(2018, 12, 25), "10.49", "GBP", "CARD", 2,
        List.of("The Hobbit (paperback)", "Gift wrap"));
    assertReceipt(byId.get("r5"), "ELECTRO MEGA STORE SDN BHD", LocalDate.of(2019, 1, 3), "1249.50", "MYR", "CARD", 2,
        List.of("LED TV 55\"", "HDMI CABLE"));
  }

  static void assertReceipt(GenericRecord r, String company, LocalDate date, String total, String currency,
      String payment, int items, List<String> names) {
    assertEquals(company, r.get("company").toString());
    assertEquals((int) date.toEpochDay(), r.get("date"));
    assertEquals(new BigDecimal(total), decimal(r, "total"));
    assertEquals(currency, r.get("currency").toString());
    assertTrue(r.get("currency") instanceof GenericData.EnumSymbol);
    assertEquals(payment, r.get("payment").toString());
    assertEquals(items, r.get("item_count"));
    assertEquals(names, ((List<?>) r.get("items")).stream().map(Object::toString).toList());
  }

  static BigDecimal decimal(GenericRecord r, String field) {
    Schema type = r.getSchema().getField(field).schema();
    return new Conversions.DecimalConversion().fromBytes((ByteBuffer) r.get(field), type, type.getLogicalType());
  }

  @Test
  void anOptionalValueThatCannotBeNormalisedBecomesNullAndIsReported() {
    Map<String, List<String>> raw = new HashMap<>(Receipts.all().get(0).fields());
    raw.put("currency", List.of("ringgit"));
    raw.put("item_count", List.of("several"));
    raw.remove("payment");
    Assembly a = assembler.assemble("r1", raw);
    assertTrue(a.succeeded());
    assertNull(a.record().get("currency"));
    assertNull(a.record().get("item_count"));
    assertNull(a.record().get("payment"));
    assertEquals(List.of("currency", "item_count"), a.nulledFields(), "a missing value is not a failed one");
    assertTrue(GenericData.get().validate(schema.output(), a.record()));
  }

  @Test
  void aRequiredValueThatCannotBeNormalisedFailsTheDocumentWithoutQuotingIt() {
    Map<String, List<String>> raw = new HashMap<>(Receipts.all().get(0).fields());
    raw.put("date", List.of("the day after boxing day"));
    Assembly a = assembler.assemble("r1", raw);
    assertFalse(a.succeeded());
    assertEquals(ExtractMetrics.NOT_NORMALISED, a.errorKind());
    assertTrue(a.reason().contains("'date'") && a.reason().contains("date"), a.reason());
    assertFalse(a.reason().contains("boxing"), a.reason());
  }

  @Test
  void aMissingRequiredScalarFailsButAMissingRequiredArrayIsEmpty() {
    Map<String, List<String>> raw = new HashMap<>(Receipts.all().get(0).fields());
    raw.remove("items");
    Assembly a = assembler.assemble("r1", raw);
    assertTrue(a.succeeded());
    assertEquals(List.of(), a.record().get("items"));
    raw.put("company", List.of("  "));
    Assembly missing = assembler.assemble("r1", raw);
    assertEquals(ExtractMetrics.MISSING_FIELD, missing.errorKind());
    assertTrue(missing.reason().contains("'company'"));
  }
}
