package io.sluice.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.schemas.DocumentFindingCount;
import io.sluice.schemas.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir Path tmp;

  private static RunSummary.Builder summary() {
    Map<String, Long> byEntity = new LinkedHashMap<>();
    byEntity.put("EMAIL_ADDRESS", 12L);
    byEntity.put("PERSON", 40L);
    byEntity.put("CREDIT_CARD", 3L);
    return RunSummary.newBuilder()
        .setJob("sweep").setRunner("direct").setInput("conf/samples/corpus.jsonl").setOutput("out/sweep")
        .setPolicy("conf/policies/default.yaml").setStartedAt("2026-11-22T19:00:00Z").setElapsedMs(83_400)
        .setRecordsRead(200).setRecordsWritten(197).setRecordsDeadLettered(3).setReconciled(true)
        .setFindings(55).setCharacters(76_000)
        .setFindingsByEntity(byEntity)
        .setFindingsByDetector(Map.of("pattern:email", 12L, "pattern:credit_card", 3L, "slm-ner", 40L))
        .setDeadLettersByKind(Map.of("MALFORMED_JSON", 2L, "EMPTY_TEXT", 1L))
        .setTopDocuments(List.of(new DocumentFindingCount("doc-0007", 9L), new DocumentFindingCount("doc-0100", 4L)));
  }

  private static String section(String html, String id) {
    Matcher m = Pattern.compile("<section id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), "section " + id);
    return m.group(1);
  }

  @Test
  void writesSelfContainedReportWithChartsAndTables() throws Exception {
    Path file = tmp.resolve("nested/report.html");
    HtmlReport.write(summary().build(), file);
    String html = Files.readString(file, StandardCharsets.UTF_8);

    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertFalse(html.contains("<script"), "no JavaScript");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network resources");
    assertTrue(html.contains("Reconciled: read 200 = written 197 + dead-lettered 3"));
    assertFalse(html.contains("NOT RECONCILED"));
    assertTrue(html.contains("1 min 23.4 s"));
    assertTrue(html.contains("conf/policies/default.yaml"));

    String entities = section(html, "findings-by-entity");
    assertEquals(1, count(entities, "<svg"));
    assertEquals(3, count(entities, "<rect"));
    // Largest first in both chart and table.
    assertTrue(entities.indexOf("PERSON") < entities.indexOf("EMAIL_ADDRESS"));
    assertTrue(entities.indexOf("EMAIL_ADDRESS") < entities.indexOf("CREDIT_CARD"));
    assertTrue(entities.contains("<td class=\"num\">40</td><td class=\"num\">72.7%</td>"));
    assertTrue(entities.contains("<th>Total</th><th class=\"num\">55</th>"));

    assertEquals(3, count(section(html, "findings-by-detector"), "<rect"));
    String deadLetters = section(html, "dead-letters");
    assertEquals(2, count(deadLetters, "<rect"));
    assertTrue(deadLetters.indexOf("MALFORMED_JSON") < deadLetters.indexOf("EMPTY_TEXT"));

    String top = section(html, "top-documents");
    assertTrue(top.indexOf("doc-0007") < top.indexOf("doc-0100"));
    assertTrue(top.contains("<code>doc-0007</code></td><td class=\"num\">9</td>"));
  }

  @Test
  void largestBarSpansTheChartAndSmallerOnesScale() {
    String entities = section(HtmlReport.render(summary().build()), "findings-by-entity");
    Matcher widths = Pattern.compile("<rect [^>]*width=\"(\\d+)\"").matcher(entities);
    assertTrue(widths.find());
    int largest = Integer.parseInt(widths.group(1));
    assertTrue(widths.find());
    int second = Integer.parseInt(widths.group(1));
    assertEquals(Math.round(12.0 / 40 * largest), second, 1);
  }

  @Test
  void escapesEverythingTakenFromTheSummary() {
    String evilId = "<script>alert('x')</script>";
    RunSummary s = summary()
        .setJob("sweep<b>")
        .setInput("in/\"quoted\" & <odd>.jsonl")
        .setFindingsByEntity(Map.of("<img src=x onerror=alert(1)>", 2L))
        .setDeadLettersByKind(Map.of("KIND\"><svg onload=alert(1)>", 1L))
        .setTopDocuments(List.of(new DocumentFindingCount(evilId, 2L)))
        .build();
    String html = HtmlReport.render(s);
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<img"));
    assertFalse(html.contains("<svg onload"));
    assertFalse(html.contains("<b>"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertTrue(html.contains("in/&quot;quoted&quot; &amp; &lt;odd&gt;.jsonl"));
  }

  @Test
  void emptyMapsGiveNoneLinesInsteadOfEmptyCharts() {
    RunSummary s = summary().setFindings(0).setFindingsByEntity(Map.of()).setFindingsByDetector(Map.of())
        .setDeadLettersByKind(Map.of()).setTopDocuments(List.of()).setPolicy(null).build();
    String html = HtmlReport.render(s);
    assertEquals(0, count(html, "<svg"));
    assertTrue(section(html, "findings-by-entity").contains("No findings."));
    assertTrue(section(html, "dead-letters").contains("No dead letters."));
    assertTrue(section(html, "top-documents").contains("No document had findings."));
    assertTrue(html.contains("(default)"));
  }

  @Test
  void warnsLoudlyWhenCountsDoNotReconcile() {
    String flagFalse = HtmlReport.render(summary().setReconciled(false).build());
    assertTrue(flagFalse.contains("class=\"warn\""));
    assertTrue(flagFalse.contains("NOT RECONCILED"));

    // The flag says reconciled but 5 records are unaccounted for: the arithmetic wins.
    String lying = HtmlReport.render(summary().setRecordsWritten(192).build());
    assertTrue(lying.contains("NOT RECONCILED"));
    assertTrue(lying.contains("(difference 5)"));
  }

  @Test
  void longChartLabelsAreShortenedOnCodePointsButTablesKeepThemWhole() {
    // 9 + 30 emoji + 4 code points; the chart keeps 31 code points and an ellipsis, never half a surrogate pair.
    String label = "DETECTOR_" + "😀".repeat(30) + "_<X>";
    String html = HtmlReport.render(summary().setFindingsByEntity(Map.of(label, 1L)).build());
    String entities = section(html, "findings-by-entity");
    assertTrue(entities.contains(">DETECTOR_" + "😀".repeat(22) + "…</text>"), entities);
    assertTrue(entities.contains("<td>DETECTOR_" + "😀".repeat(30) + "_&lt;X&gt;</td>"));
  }

  @Test
  void chartShowsAtMostTheLargestCategories() {
    Map<String, Long> many = new LinkedHashMap<>();
    for (int i = 0; i < HtmlReport.MAX_CHART_BARS + 5; i++) {
      many.put("KIND_" + i, (long) i + 1);
    }
    String deadLetters = section(HtmlReport.render(summary().setDeadLettersByKind(many).build()), "dead-letters");
    assertEquals(HtmlReport.MAX_CHART_BARS, count(deadLetters, "<rect"));
    assertEquals(HtmlReport.MAX_CHART_BARS + 5 + 1, count(deadLetters, "<tr><td>") + 1);
    assertFalse(deadLetters.contains(">KIND_0</text>"), "smallest category left out of the chart");
    assertTrue(deadLetters.contains("<td>KIND_0</td>"));
  }

  @Test
  void formatsElapsedTime() {
    assertEquals("850 ms", HtmlReport.formatElapsed(850));
    assertEquals("12.3 s", HtmlReport.formatElapsed(12_300));
    assertEquals("2 min 5.0 s", HtmlReport.formatElapsed(125_000));
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
