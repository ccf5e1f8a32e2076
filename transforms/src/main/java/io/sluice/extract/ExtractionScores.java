package io.sluice.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-field exact match of extracted values against gold values, both normalised to the field's type first (so
 * "25/12/2018" matches a record's 2018-12-25 and "RM 1,234.50" matches 1234.5). A document counts for a field when
 * its gold value is present; it matches when its normalised values (the first one for a scalar, all in order for an
 * array) equal the gold's. A document with no prediction (e.g. dead-lettered) counts as a miss.
 */
public record ExtractionScores(List<FieldScore> fields, int goldDocuments, int predictedDocuments) {

  public record FieldScore(String field, int documents, int matches) {
    public double exactMatch() {
      return documents == 0 ? 0 : (double) matches / documents;
    }
  }

  /**
   * @param gold raw gold values per document id
   * @param predicted raw predicted values per document id (absent: no record for that document)
   */
  public static ExtractionScores score(ExtractionSchema schema, Map<String, Map<String, List<String>>> gold,
      Map<String, Map<String, List<String>>> predicted) {
    List<FieldScore> scores = new ArrayList<>();
    for (FieldSpec field : schema.fields()) {
      int documents = 0;
      int matches = 0;
      for (Map.Entry<String, Map<String, List<String>>> doc : gold.entrySet()) {
        List<Object> expected = canonical(field, doc.getValue().get(field.name()));
        if (expected == null) {
          continue;
        }
        documents++;
        Map<String, List<String>> prediction = predicted.get(doc.getKey());
        if (prediction != null && expected.equals(canonical(field, prediction.get(field.name())))) {
          matches++;
        }
      }
      scores.add(new FieldScore(field.name(), documents, matches));
    }
    int found = (int) gold.keySet().stream().filter(predicted::containsKey).count();
    return new ExtractionScores(scores, gold.size(), found);
  }

  /** The normalised values, null when there are none; a value that does not normalise stays as its trimmed text. */
  private static List<Object> canonical(FieldSpec field, List<String> raw) {
    if (raw == null) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (String value : raw) {
      if (value == null || value.isBlank()) {
        continue;
      }
      try {
        values.add(FieldNormaliser.normalise(field, value));
      } catch (NotNormalisable e) {
        values.add(value.strip());
      }
      if (!field.array()) {
        break;
      }
    }
    return values.isEmpty() && !field.array() ? null : values;
  }

  /** All field-document pairs that matched over all pairs counted. */
  public double overallAccuracy() {
    int documents = fields.stream().mapToInt(FieldScore::documents).sum();
    return documents == 0 ? 0 : (double) fields.stream().mapToInt(FieldScore::matches).sum() / documents;
  }

  /** The mean of the fields' exact match. */
  public double averageExactMatch() {
    return fields.stream().filter(f -> f.documents() > 0).mapToDouble(FieldScore::exactMatch).average().orElse(0);
  }

  public String toTable() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s %10s %8s %12s%n", "field", "documents",
        "matches", "exact match"));
    for (FieldScore f : fields) {
      b.append(String.format(Locale.ROOT, "%-24s %10d %8d %12.3f%n", f.field(), f.documents(), f.matches(),
          f.exactMatch()));
    }
    b.append(String.format(Locale.ROOT, "average exact match over fields: %.3f%n", averageExactMatch()));
    b.append(String.format(Locale.ROOT, "overall accuracy (all field values): %.3f%n", overallAccuracy()));
    b.append(String.format(Locale.ROOT, "gold documents %d, with a prediction %d%n", goldDocuments,
        predictedDocuments));
    return b.toString();
  }
}
