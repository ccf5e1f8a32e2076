package io.sluice.models.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-field exact match of extracted values against gold values, after {@link EvaluationNormaliser}: a document
 * counts for a field when it has a gold value for it, and matches when the field's first extracted value equals
 * it. Two references are scored:
 * <ul>
 *   <li>{@code gold}: the labelled value as given;</li>
 *   <li>{@code in-text}: the value as the document's text has it, i.e. the text of the first occurrence
 *       {@link ValueLocator} finds (the gold value itself where it finds none). This is the best a span model
 *       can do: it can only return text that is there, and OCR text may lack pieces of the gold value.</li>
 * </ul>
 */
public record ExtractionEvaluation(List<FieldScore> fields) {

  /** One field: documents with a gold value, and how many matched each reference. */
  public record FieldScore(String field, int documents, int matchesGold, int matchesInText) {
    public double goldExactMatch() {
      return documents == 0 ? 0 : (double) matchesGold / documents;
    }

    public double inTextExactMatch() {
      return documents == 0 ? 0 : (double) matchesInText / documents;
    }
  }

  static ExtractionEvaluation score(SpanFields schema, List<LabelledDocument> docs,
      List<Map<String, List<String>>> predictions) {
    List<FieldScore> out = new ArrayList<>();
    for (SpanFields.Field f : schema.fields()) {
      int n = 0;
      int gold = 0;
      int inText = 0;
      for (int d = 0; d < docs.size(); d++) {
        String expected = docs.get(d).fields().get(f.name());
        if (expected == null) {
          continue;
        }
        n++;
        List<String> values = predictions.get(d).getOrDefault(f.name(), List.of());
        String predicted = EvaluationNormaliser.normalise(values.isEmpty() ? null : values.get(0), f.kind());
        gold += same(predicted, EvaluationNormaliser.normalise(expected, f.kind())) ? 1 : 0;
        inText += same(predicted, EvaluationNormaliser.normalise(asInText(docs.get(d).text(), expected), f.kind()))
            ? 1 : 0;
      }
      out.add(new FieldScore(f.name(), n, gold, inText));
    }
    return new ExtractionEvaluation(out);
  }

  private static boolean same(String predicted, String expected) {
    return predicted != null && predicted.equals(expected);
  }

  private static String asInText(String text, String gold) {
    ValueLocator.Located found = ValueLocator.locate(text, gold);
    if (!found.found()) {
      return gold;
    }
    int[] span = found.spans().get(0);
    int from = text.offsetByCodePoints(0, span[0]);
    return text.substring(from, text.offsetByCodePoints(from, span[1] - span[0]));
  }

  public double averageGold() {
    return fields.stream().mapToDouble(FieldScore::goldExactMatch).average().orElse(0);
  }

  public double averageInText() {
    return fields.stream().mapToDouble(FieldScore::inTextExactMatch).average().orElse(0);
  }

  /** Fields as table rows, then the averages: what the trainer prints and the model card shows. */
  public String toTable() {
    StringBuilder b = new StringBuilder("| field | documents | exact match (gold) | exact match (in-text) |\n|---|---|---|---|\n");
    for (FieldScore f : fields) {
      b.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", f.field(), f.documents(),
          f.goldExactMatch(), f.inTextExactMatch()));
    }
    b.append(String.format(Locale.ROOT, "| **average** | | **%.3f** | **%.3f** |%n", averageGold(), averageInText()));
    return b.toString();
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (FieldScore f : fields) {
      m.put(f.field(), Map.of("documents", f.documents(), "exact_match_gold", f.goldExactMatch(),
          "exact_match_in_text", f.inTextExactMatch()));
    }
    m.put("average_exact_match_gold", averageGold());
    m.put("average_exact_match_in_text", averageInText());
    return m;
  }
}
