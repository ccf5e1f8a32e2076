package io.sluice.pipelines.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The counts of an extraction run, written to summary.json and printed: the reconciliation, the optional fields set
 * to null because their value could not be normalised (per field), and the dead letters per kind.
 */
public record ExtractSummary(String input, String schema, String extractor, long read, long written, long deadLettered,
    Map<String, Long> fieldsNulled, Map<String, Long> deadLettersByKind, long elapsedMs) {

  public boolean reconciled() {
    return read == written + deadLettered;
  }

  public String toJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode n = json.createObjectNode();
    n.put("job", ExtractJob.JOB);
    n.put("input", input);
    n.put("schema", schema);
    n.put("extractor", extractor);
    n.put("records_read", read);
    n.put("records_written", written);
    n.put("dead_letters", deadLettered);
    n.put("reconciled", reconciled());
    n.set("fields_nulled", json.valueToTree(fieldsNulled));
    n.set("dead_letters_by_kind", json.valueToTree(deadLettersByKind));
    n.put("elapsed_ms", elapsedMs);
    n.put("records_per_second", elapsedMs == 0 ? 0 : read * 1000.0 / elapsedMs);
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "records read %d = written %d + dead-lettered %d%s%n", read, written, deadLettered,
        reconciled() ? "" : "  (DOES NOT RECONCILE)");
    fieldsNulled.forEach((field, n) -> out.printf(Locale.ROOT,
        "field %s: %d value(s) could not be normalised, set to null%n", field, n));
    deadLettersByKind.forEach((kind, n) -> out.printf(Locale.ROOT, "dead letters %s: %d%n", kind, n));
    out.printf(Locale.ROOT, "%.1f s, %.2f records/s (job time, model load included)%n", elapsedMs / 1000.0,
        elapsedMs == 0 ? 0 : read * 1000.0 / elapsedMs);
  }
}
