package io.sluice.pipelines.report;

import io.sluice.schemas.DocumentFindingCount;
import io.sluice.schemas.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network) that shows
 * what a run did. It is built from the {@link RunSummary} only, so it can never contain document text; every
 * value taken from the summary is HTML-escaped because ids and kinds come from user data.
 */
public final class HtmlReport {
  /** Charts show the largest categories only; the tables beside them list every row. */
  static final int MAX_CHART_BARS = 30;

  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:960px;color:#1d2330;padding:0 1rem}",
      "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5d9e0;padding-bottom:.3rem}",
      "table{border-collapse:collapse;margin:.6rem 0;min-width:50%}th,td{border:1px solid #d5d9e0;padding:.3rem .6rem;text-align:left}",
      "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f2f4f7}",
      ".ok{background:#e7f6ec;border:1px solid #7cc796;padding:.6rem 1rem;border-radius:4px}",
      ".warn{background:#fdecea;border:2px solid #d93025;padding:.8rem 1rem;border-radius:4px;font-weight:600;color:#8a1c12}",
      ".none{color:#5b6475;font-style:italic}svg.chart text{font-size:12px;fill:#1d2330}",
      "code{background:#f2f4f7;padding:0 .2rem;word-break:break-all}");

  private HtmlReport() {}

  /** Writes the report for {@code summary} to {@code file}, replacing it if present. */
  public static void write(RunSummary summary, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(summary), StandardCharsets.UTF_8);
  }

  static String render(RunSummary s) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Sluice ").append(Html.escape(s.getJob())).append(" report</title>\n")
        .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
    header(html, s);
    counts(html, "findings-by-entity", "Findings per entity type", "Entity type", s.getFindingsByEntity(),
        "No findings.", "#3b6fd8");
    counts(html, "findings-by-detector", "Findings per detector", "Detector", s.getFindingsByDetector(),
        "No findings.", "#7a56c7");
    topDocuments(html, s.getTopDocuments());
    counts(html, "dead-letters", "Dead-letter reasons", "Error kind", s.getDeadLettersByKind(),
        "No dead letters.", "#d9822b");
    return html.append("</body>\n</html>\n").toString();
  }

  private static void header(StringBuilder html, RunSummary s) {
    html.append("<header id=\"run\">\n<h1>Sluice ").append(Html.escape(s.getJob())).append(" report</h1>\n")
        .append("<table class=\"run\">\n");
    row(html, "Job", s.getJob());
    row(html, "Runner", s.getRunner());
    row(html, "Input", s.getInput());
    row(html, "Output", s.getOutput());
    row(html, "Policy", s.getPolicy() == null ? "(default)" : s.getPolicy());
    row(html, "Started", s.getStartedAt());
    row(html, "Elapsed", formatElapsed(s.getElapsedMs()));
    row(html, "Throughput", throughput(s));
    row(html, "Findings", Long.toString(s.getFindings()));
    html.append("</table>\n");
    reconciliation(html, s);
    html.append("</header>\n");
  }

  /**
   * The line every job ends with. Trusts neither the flag nor the arithmetic alone: a summary that says
   * "reconciled" while the counts disagree is exactly the bug this line exists to expose.
   */
  private static void reconciliation(StringBuilder html, RunSummary s) {
    long accounted = s.getRecordsWritten() + s.getRecordsDeadLettered();
    boolean balanced = s.getRecordsRead() == accounted;
    String line = String.format(Locale.ROOT, "read %d = written %d + dead-lettered %d",
        s.getRecordsRead(), s.getRecordsWritten(), s.getRecordsDeadLettered());
    if (s.getReconciled() && balanced) {
      html.append("<p id=\"reconciliation\" class=\"ok\">Reconciled: ").append(line).append("</p>\n");
      return;
    }
    long missing = s.getRecordsRead() - accounted;
    html.append("<p id=\"reconciliation\" class=\"warn\">&#9888; NOT RECONCILED: read ").append(s.getRecordsRead())
        .append(" &ne; written ").append(s.getRecordsWritten()).append(" + dead-lettered ")
        .append(s.getRecordsDeadLettered()).append(" (difference ").append(missing)
        .append("). Records may have been lost or duplicated; do not trust this output.</p>\n");
  }

  private static void counts(StringBuilder html, String id, String title, String keyHeader, Map<String, Long> counts,
      String noneText, String color) {
    html.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(title)).append("</h2>\n");
    List<Map.Entry<String, Long>> rows = sortedByCount(counts);
    if (rows.isEmpty()) {
      html.append("<p class=\"none\">").append(Html.escape(noneText)).append("</p>\n</section>\n");
      return;
    }
    long total = rows.stream().mapToLong(Map.Entry::getValue).sum();
    html.append(SvgBarChart.render(title, rows.subList(0, Math.min(rows.size(), MAX_CHART_BARS)), color));
    html.append("<table>\n<tr><th>").append(Html.escape(keyHeader))
        .append("</th><th class=\"num\">Count</th><th class=\"num\">Share</th></tr>\n");
    for (Map.Entry<String, Long> row : rows) {
      html.append("<tr><td>").append(Html.escape(row.getKey())).append("</td><td class=\"num\">")
          .append(row.getValue()).append("</td><td class=\"num\">").append(percent(row.getValue(), total))
          .append("</td></tr>\n");
    }
    html.append("<tr><th>Total</th><th class=\"num\">").append(total).append("</th><th></th></tr>\n")
        .append("</table>\n</section>\n");
  }

  private static void topDocuments(StringBuilder html, List<DocumentFindingCount> documents) {
    html.append("<section id=\"top-documents\">\n<h2>Documents with the most findings</h2>\n");
    if (documents == null || documents.isEmpty()) {
      html.append("<p class=\"none\">No document had findings.</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<tr><th class=\"num\">#</th><th>Document id</th><th class=\"num\">Findings</th></tr>\n");
    int rank = 1;
    for (DocumentFindingCount doc : documents) {
      html.append("<tr><td class=\"num\">").append(rank++).append("</td><td><code>").append(Html.escape(doc.getDocId()))
          .append("</code></td><td class=\"num\">").append(doc.getFindings()).append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th>").append(Html.escape(label)).append("</th><td>").append(Html.escape(value))
        .append("</td></tr>\n");
  }

  /** Largest first; ties by name so the same summary always renders the same page. */
  static List<Map.Entry<String, Long>> sortedByCount(Map<String, Long> counts) {
    if (counts == null) {
      return List.of();
    }
    return counts.entrySet().stream()
        .map(e -> Map.entry(String.valueOf(e.getKey()), e.getValue() == null ? 0L : e.getValue()))
        .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey))
        .toList();
  }

  static String formatElapsed(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    long minutes = millis / 60_000;
    double seconds = (millis % 60_000) / 1000.0;
    return minutes == 0
        ? String.format(Locale.ROOT, "%.1f s", seconds)
        : String.format(Locale.ROOT, "%d min %.1f s", minutes, seconds);
  }

  private static String throughput(RunSummary s) {
    if (s.getElapsedMs() <= 0) {
      return "n/a";
    }
    double seconds = s.getElapsedMs() / 1000.0;
    return String.format(Locale.ROOT, "%.1f documents/s, %.0f characters/s", s.getRecordsRead() / seconds,
        s.getCharacters() / seconds);
  }

  private static String percent(long part, long total) {
    return total == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
  }
}
