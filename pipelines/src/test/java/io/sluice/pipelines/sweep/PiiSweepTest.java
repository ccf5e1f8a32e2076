package io.sluice.pipelines.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.testing.OutputFiles;
import io.sluice.schemas.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sweep (default policy, DetectPii + RedactPii) end to end on DirectRunner. */
class PiiSweepTest {
  static final String EMAIL_DOC = "😀 write to jane.doe@example.com today";

  @TempDir Path dir;

  static Path fixture(Path dir) throws IOException {
    Path input = dir.resolve("pii.jsonl");
    Files.writeString(input, String.join("\n",
        "{\"id\":\"e1\",\"text\":\"" + EMAIL_DOC + "\"}",
        "{\"id\":\"c1\",\"text\":\"card 4111 1111 1111 1111 and mail bob@example.org\"}",
        "{\"id\":\"n1\",\"text\":\"nothing personal here\"}",
        "{\"id\":\"bad\",\"text\":42}",
        ""));
    return input;
  }

  @Test
  void reportOnlyFindsPiiWithCodePointOffsetsAndWritesNoText() throws IOException {
    Path out = dir.resolve("out");
    RunSummary summary = PiiSweep.run(SweepOptions.builder(fixture(dir).toString(), out)
        .format(OutputFormat.JSONL).reportOnly(true).build());

    assertTrue(summary.getReconciled(), summary.toString());
    assertEquals(4, summary.getRecordsRead());
    assertEquals(3, summary.getRecordsWritten());
    assertEquals(Map.of("NON_STRING_TEXT", 1L), summary.getDeadLettersByKind());
    assertTrue(summary.getFindingsByEntity().getOrDefault("EMAIL_ADDRESS", 0L) >= 2, summary.toString());

    List<JsonNode> findings = OutputFiles.read(out.resolve("findings"));
    JsonNode email = findings.stream()
        .filter(f -> f.get("doc_id").asText().equals("e1") && f.get("entity_type").asText().equals("EMAIL_ADDRESS"))
        .findFirst().orElseThrow();
    int start = EMAIL_DOC.codePointCount(0, EMAIL_DOC.indexOf("jane"));
    assertEquals(start, email.get("start").asInt(), "code points: the emoji counts once");
    assertEquals(start + "jane.doe@example.com".length(), email.get("end").asInt());
    Map<String, JsonNode> docs = OutputFiles.byKey(OutputFiles.read(out.resolve("documents")), "id");
    assertEquals("", docs.get("e1").get("text").asText(), "report-only: no copy of the text leaves the job");
    assertTrue(docs.get("e1").get("entity_counts").get("EMAIL_ADDRESS").asInt() >= 1);
    assertEquals("e1", summary.getTopDocuments().isEmpty() ? null : summary.getTopDocuments().stream()
        .filter(t -> t.getDocId().equals("e1")).findFirst().orElseThrow().getDocId());
  }

  @Test
  void aRedactingSweepRemovesTheEmailFromTheText() throws IOException {
    Path out = dir.resolve("out");
    RunSummary summary = PiiSweep.run(SweepOptions.builder(fixture(dir).toString(), out)
        .format(OutputFormat.JSONL).build());
    assertTrue(summary.getReconciled(), summary.toString());
    assertTrue(Files.size(out.resolve("report.html")) > 0, "report.html written");
    Map<String, JsonNode> docs = OutputFiles.byKey(OutputFiles.read(out.resolve("documents")), "id");
    assertFalse(docs.get("e1").get("text").asText().contains("jane.doe@example.com"));
    assertTrue(docs.get("e1").get("text").asText().startsWith("😀 write to "));
  }
}
