package io.sluice.models.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.bench.RandomDecoders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generative extraction on a random decoder: every output is an object of the record's fields, as raw values. */
class GenerativeFieldExtractorTest {
  private static final String RECORD = """
      {"type": "record", "name": "Receipt", "fields": [
        {"name": "company", "type": "string", "doc": "Name of the shop."},
        {"name": "date", "type": {"type": "int", "logicalType": "date"}, "doc": "Date of purchase."},
        {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
        {"name": "payment", "type": ["null", {"type": "enum", "name": "Payment", "symbols": ["CASH", "CARD"]}]},
        {"name": "items", "type": {"type": "array", "items": "string"}}]}""";
  @TempDir static Path tmp;
  private static Path modelDir;

  @BeforeAll
  static void writeModel() throws Exception {
    modelDir = RandomDecoders.write(tmp.resolve("tiny-llama"), RandomDecoders.tiny(2048), 8, 3);
  }

  @Test
  void everyDocumentGetsTheRequiredFieldsAsRawValues() throws Exception {
    List<String> texts = List.of("SHOP ONE\n25/12/2018\nTOTAL RM 12.50", "Cafe Two, Dec 5 2019, $4.20",
        "Bakery Three 2018.12.24 Summe 5,20");
    try (FieldExtractor extractor = GenerativeFieldExtractor.factory(modelDir, RECORD,
        new GenerativeSettings("cpu", 64, 2)).open()) {
      List<Map<String, List<String>>> values = extractor.extract(texts);
      assertEquals(3, values.size());
      for (Map<String, List<String>> v : values) {
        assertEquals(1, v.get("company").size(), v.toString());
        assertTrue(v.get("date").get(0).matches("\\d{4}-\\d{2}-\\d{2}"), v.toString());
        assertTrue(v.get("total").get(0).matches("-?\\d+(\\.\\d+)?"), v.toString());
        assertTrue(v.containsKey("items"), v.toString());
      }
      GenerativeFieldExtractor generative = (GenerativeFieldExtractor) extractor;
      assertTrue(generative.generatedTokens() > 0 && generative.promptTokens() > 0);
    }
  }

  @Test
  void aDocumentTooLongForTheContextFailsWithoutQuotingIt() throws Exception {
    try (FieldExtractor extractor = GenerativeFieldExtractor.factory(modelDir, RECORD,
        new GenerativeSettings("cpu", 64, 2)).open()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> extractor.extract(List.of("short", "secret words ".repeat(300))));
      assertTrue(e.getMessage().contains("document 1") && e.getMessage().contains("too long"), e.getMessage());
      assertFalse(e.getMessage().contains("secret"));
    }
  }

  @Test
  void thePromptListsEveryFieldWithItsTypeAndDoc() {
    String prompt = new ExtractionPrompt(new Schema.Parser().parse(RECORD)).plain("DOC TEXT");
    assertTrue(prompt.contains("- company (string): Name of the shop."), prompt);
    assertTrue(prompt.contains("- date (date, YYYY-MM-DD): Date of purchase."), prompt);
    assertTrue(prompt.contains("- total (amount, a plain number without currency)"), prompt);
    assertTrue(prompt.contains("- payment (one of CASH, CARD, or null)"), prompt);
    assertTrue(prompt.contains("- items (list of string)"), prompt);
    assertTrue(prompt.contains("Document:\nDOC TEXT"), prompt);
  }
}
