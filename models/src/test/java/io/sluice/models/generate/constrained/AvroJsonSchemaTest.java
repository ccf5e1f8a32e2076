package io.sluice.models.generate.constrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Avro records convert to JSON Schemas that constrained decoding compiles, and the outputs validate. */
class AvroJsonSchemaTest {
  private static final String INVOICE = """
      {"type": "record", "name": "Invoice", "namespace": "test", "fields": [
        {"name": "number", "type": "string", "doc": "the invoice number"},
        {"name": "issued", "type": {"type": "int", "logicalType": "date"}},
        {"name": "total", "type": "double"},
        {"name": "paid", "type": "boolean"},
        {"name": "currency", "type": {"type": "enum", "name": "Currency", "symbols": ["EUR", "USD"]}},
        {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
          {"name": "name", "type": "string"},
          {"name": "vat", "type": ["null", "string"], "default": null}]}},
        {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
          {"name": "sku", "type": "string"}, {"name": "quantity", "type": "long"}]}}},
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}}
      ]}""";

  @Test
  void recordsBecomeObjectsWithOptionalNullableFields() {
    JsonNode schema = AvroJsonSchema.convert(new Schema.Parser().parse(INVOICE));
    assertEquals("object", schema.get("type").asText());
    assertEquals(Set.of("number", "issued", "total", "paid", "currency", "customer", "lines", "amount"),
        Set.copyOf(new ObjectMapper().convertValue(schema.get("required"), java.util.List.class)));
    JsonNode properties = schema.get("properties");
    assertEquals("date", properties.get("issued").get("format").asText());
    assertEquals("integer", properties.at("/lines/items/properties/quantity/type").asText());
    assertEquals("number", properties.at("/total/type").asText());
    assertEquals("number", properties.at("/amount/type").asText());
    assertEquals("[\"EUR\",\"USD\"]", properties.get("currency").get("enum").toString());
    assertEquals("null", properties.at("/note/anyOf/0/type").asText());
    assertEquals("the invoice number", properties.at("/number/description").asText());
  }

  @Test
  void convertedSchemasDecodeIntoValidDocuments() throws Exception {
    String schema = JsonText.write(AvroJsonSchema.convert(new Schema.Parser().parse(INVOICE)));
    TokenVocabulary vocabulary = SyntheticByteVocabulary.build(3000, 2);
    JsonSchemaConstraints constraints = JsonSchemaConstraints.compile(schema, vocabulary, 0);
    RandomLogitsDecoder decoder = new RandomLogitsDecoder(vocabulary, vocabulary.size(), 0);
    var validator = ConstrainedGenerationTest.validator(schema);
    Random random = new Random(5);
    for (int run = 0; run < 50; run++) {
      RandomLogitsDecoder.Output output = decoder.decode(constraints.newConstraint(300), random, 300);
      assertTrue(output.complete(), output.text());
      assertEquals(Set.of(), validator.validate(new ObjectMapper().readTree(output.text())), output.text());
    }
  }

  @Test
  void mapsAndRecursiveRecordsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> AvroJsonSchema.convert(new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"M\",\"fields\":[{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"int\"}}]}")));
    assertThrows(IllegalArgumentException.class, () -> AvroJsonSchema.convert(new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}")));
  }
}
