package io.sluice.pipelines.summary;

import io.sluice.schemas.RunSummary;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The end-of-run text: the reconciliation line, then findings per entity type and dead letters per kind. */
public final class SummaryTable {
  private SummaryTable() {}

  public static String reconciliationLine(RunSummary summary) {
    return String.format(Locale.ROOT, "reconciliation: read %,d = written %,d + dead-lettered %,d  %s",
        summary.getRecordsRead(), summary.getRecordsWritten(), summary.getRecordsDeadLettered(),
        summary.getReconciled() ? "OK" : "MISMATCH (" + (summary.getRecordsRead()
            - summary.getRecordsWritten() - summary.getRecordsDeadLettered()) + " unaccounted)");
  }

  public static void print(RunSummary summary, PrintStream out) {
    out.println(reconciliationLine(summary));
    table(out, "entity type", "findings", summary.getFindingsByEntity());
    out.printf(Locale.ROOT, "%-28s %12s%n", "total", String.format(Locale.ROOT, "%,d", summary.getFindings()));
    if (!summary.getDeadLettersByKind().isEmpty()) {
      table(out, "dead-letter kind", "records", summary.getDeadLettersByKind());
    }
    out.printf(Locale.ROOT, "%s: %,d documents, %,d characters in %.1f s on %s -> %s%n", summary.getJob(),
        summary.getRecordsWritten(), summary.getCharacters(), summary.getElapsedMs() / 1000.0, summary.getRunner(),
        summary.getOutput());
  }

  /** Rows by count, most first, under a two-column header. */
  public static void table(PrintStream out, String keyHeader, String valueHeader, Map<String, Long> rows) {
    out.printf(Locale.ROOT, "%-28s %12s%n", keyHeader, valueHeader);
    out.println("-".repeat(41));
    rows.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.printf(Locale.ROOT, "%-28s %12s%n", e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue())));
  }
}
