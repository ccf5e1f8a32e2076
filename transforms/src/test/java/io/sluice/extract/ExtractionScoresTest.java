package io.sluice.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact match after normalisation: gold as written on the receipts, predictions as records print them. */
class ExtractionScoresTest {
  @Test
  void valuesMatchAfterNormalisationAndMissingRecordsAreMisses() {
    ExtractionSchema schema = RecordAssemblerTest.receiptSchema();
    Map<String, Map<String, List<String>>> gold = new LinkedHashMap<>();
    Receipts.all().forEach(r -> gold.put(r.id(), r.fields()));
    Map<String, Map<String, List<String>>> predicted = new HashMap<>();
    // r1 as a written record prints it: ISO date, plain decimal, enum symbols; every field matches
    predicted.put("r1", Map.of("company", List.of("KEDAI RUNCIT MAJU SDN BHD"), "date", List.of("2018-12-25"),
        "total", List.of("27.5"), "currency", List.of("MYR"), "payment", List.of("CASH"), "item_count", List.of("3"),
        "items", List.of("MILO 1KG", "GARDENIA BREAD")));
    // r2: wrong date (day and month swapped), total right, items in the wrong order, the rest missing
    predicted.put("r2", Map.of("date", List.of("2019-05-12"), "total", List.of("$10.65"),
        "items", List.of("Almond Croissant", "Latte")));
    // r3..r5: no record (dead-lettered)
    ExtractionScores scores = ExtractionScores.score(schema, gold, predicted);
    Map<String, ExtractionScores.FieldScore> byField = new HashMap<>();
    scores.fields().forEach(f -> byField.put(f.field(), f));
    assertEquals(new ExtractionScores.FieldScore("date", 5, 1), byField.get("date"));
    assertEquals(new ExtractionScores.FieldScore("total", 5, 2), byField.get("total"));
    assertEquals(new ExtractionScores.FieldScore("items", 5, 1), byField.get("items"));
    assertEquals(new ExtractionScores.FieldScore("company", 5, 1), byField.get("company"));
    assertEquals(5, scores.goldDocuments());
    assertEquals(2, scores.predictedDocuments());
    assertEquals(8.0 / 35, scores.overallAccuracy(), 1e-9);
    assertEquals((1 + 1 + 2 + 1 + 1 + 1 + 1) / 5.0 / 7, scores.averageExactMatch(), 1e-9);
  }
}
