package io.sluice.pipelines.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.testing.OutputFiles;
import io.sluice.pipelines.testing.TestStages;
import io.sluice.schemas.RunSummary;
import io.sluice.transforms.ErrorKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sweep's I/O, counting and summary end to end on DirectRunner, with a marker stage in place of PII detection. */
class SweepJobTest {
  @TempDir Path dir;
  Path input;

  @BeforeEach
  void input() throws IOException {
    input = dir.resolve("in.jsonl");
    Files.writeString(input, String.join("\n",
        "{\"id\":\"one\",\"text\":\"a [[x]] b [[x]] 😀\"}",
        "{\"id\":\"two\",\"text\":\"😀😀 [[x]]\"}",
        "{\"id\":\"three\",\"text\":\"nothing here\"}",
        "{\"id\":\"four\",\"text\":\"FAIL in processing\"}",
        "{\"id\":\"five\"",
        "{\"id\":\"six\",\"text\":\"\"}",
        ""));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void outputsRoundTripInEveryFormatAndTheRunReconciles(OutputFormat format) throws IOException {
    Path out = dir.resolve("out-" + format);
    RunSummary summary = SweepJob.run(SweepOptions.builder(input.toString(), out).format(format).build(),
        TestStages.markers());

    Map<String, JsonNode> docs = OutputFiles.byKey(OutputFiles.read(out.resolve("documents")), "id");
    assertEquals(List.of("one", "three", "two"), List.copyOf(docs.keySet()));
    assertEquals("a [[x]] b [[x]] 😀", docs.get("one").get("text").asText());
    assertEquals(2, docs.get("one").get("finding_count").asInt());
    assertEquals(2, docs.get("one").get("entity_counts").get(TestStages.ENTITY).asInt());
    assertEquals("in.jsonl:1", docs.get("one").get("source").asText());

    List<JsonNode> findings = OutputFiles.read(out.resolve("findings"));
    assertEquals(3, findings.size());
    assertTrue(findings.stream().anyMatch(f -> f.get("doc_id").asText().equals("two")
        && f.get("start").asInt() == 3 && f.get("end").asInt() == 8), "code-point offsets survive the round trip");

    Map<String, JsonNode> dead = OutputFiles.byKey(OutputFiles.read(out.resolve("dead_letter")), "source");
    assertEquals(ErrorKinds.DETECTION_FAILED, dead.get("in.jsonl:4").get("error_kind").asText());
    assertEquals(ErrorKinds.MALFORMED_JSON, dead.get("in.jsonl:5").get("error_kind").asText());
    assertEquals(ErrorKinds.EMPTY_TEXT, dead.get("in.jsonl:6").get("error_kind").asText());
    assertEquals(3, dead.size());

    assertEquals(6, summary.getRecordsRead());
    assertEquals(3, summary.getRecordsWritten());
    assertEquals(3, summary.getRecordsDeadLettered());
    assertTrue(summary.getReconciled());
    assertEquals(3, summary.getFindings());
    assertEquals(Map.of(TestStages.ENTITY, 3L), summary.getFindingsByEntity());
    assertEquals(Map.of("marker", 3L), summary.getFindingsByDetector());
    assertEquals(Map.of(ErrorKinds.DETECTION_FAILED, 1L, ErrorKinds.MALFORMED_JSON, 1L, ErrorKinds.EMPTY_TEXT, 1L),
        summary.getDeadLettersByKind());
    assertEquals("one", summary.getTopDocuments().get(0).getDocId());
    assertEquals(2, summary.getTopDocuments().get(0).getFindings());
    assertEquals(2, summary.getTopDocuments().size());
    assertEquals(17 + 8 + 12, summary.getCharacters(), "code points, not UTF-16 units");

    JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(6, json.get("records_read").asLong());
    assertTrue(json.get("reconciled").asBoolean());
    assertFalse(Files.exists(out.resolve(".staging")), "staging removed");
  }

  @Test
  void aFolderWithEarlierResultsIsRefusedUnlessOverwriteIsAsked() {
    Path out = dir.resolve("out");
    SweepJob.run(SweepOptions.builder(input.toString(), out).format(OutputFormat.JSONL).build(), TestStages.markers());
    ConfigException e = assertThrows(ConfigException.class, () -> SweepJob.run(
        SweepOptions.builder(input.toString(), out).build(), TestStages.markers()));
    assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());

    RunSummary again = SweepJob.run(SweepOptions.builder(input.toString(), out).overwrite(true).build(),
        TestStages.markers());
    assertTrue(again.getReconciled());
    assertFalse(hasJsonlParts(out.resolve("documents")), "the earlier run's JSONL parts were removed");
  }

  private static boolean hasJsonlParts(Path folder) {
    return folder.toFile().list((d, name) -> name.endsWith(".jsonl")).length > 0;
  }
}
