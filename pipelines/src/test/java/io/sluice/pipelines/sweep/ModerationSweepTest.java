package io.sluice.pipelines.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.pipelines.cli.SluiceCli;
import io.sluice.pipelines.testing.OutputFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice sweep --moderate}, {@code sluice moderate} and {@code sluice eval moderation} through the CLI on
 * the sample corpus: the planted harmful documents end in quarantine/ and nowhere else.
 */
class ModerationSweepTest {
  private static final Path SAMPLES = Path.of("..", "conf", "samples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> harmful = new TreeSet<>();
  private static final Set<String> clean = new TreeSet<>();

  @TempDir Path dir;

  @BeforeAll
  static void readManifest() throws Exception {
    JSON.readTree(SAMPLES.resolve("manifest.json").toFile()).get("documents").fields().forEachRemaining(
        e -> (e.getValue().get("moderation").isEmpty() ? clean : harmful).add(e.getKey()));
  }

  private static int cli(PrintStream out, String... args) {
    return SluiceCli.commandLine(PiiSweep::run, ModerationSweep::run, out).execute(args);
  }

  private static Set<String> ids(Path folder, String field) throws Exception {
    return OutputFiles.read(folder).stream().map(n -> n.get(field).asText()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void sweepWithModerateQuarantinesThePlantedDocumentsAndRedactsOnlyTheRest() throws Exception {
    Path out = dir.resolve("sweep");
    int code = cli(new PrintStream(new ByteArrayOutputStream()), "sweep", "--input",
        SAMPLES.resolve("corpus.jsonl").toString(), "--output", out.toString(), "--moderate", "--format", "jsonl",
        "--progress-seconds", "0");
    assertEquals(0, code, "reconciled run");
    assertEquals(harmful, ids(out.resolve("quarantine"), "id"));
    assertEquals(clean, ids(out.resolve("documents"), "id"), "quarantined documents are not in documents/");
    List<JsonNode> results = OutputFiles.read(out.resolve("moderation"));
    assertEquals(harmful.size() + clean.size(), results.size());
    for (JsonNode r : results) {
      assertEquals(harmful.contains(r.get("doc_id").asText()), r.get("action").asText().equals("quarantine"));
    }
    Set<String> findingDocs = ids(out.resolve("findings"), "doc_id");
    assertTrue(findingDocs.stream().noneMatch(harmful::contains), "quarantined documents are not PII-processed");
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertTrue(summary.get("reconciled").asBoolean());
    assertEquals(200, summary.get("records_written").asLong());
  }

  @Test
  void moderateAloneKeepsTextUnchangedAndDeadLettersBadRecords() throws Exception {
    Path input = dir.resolve("in.jsonl");
    String threat = "I know where you park every morning. Delete your review or you will get hurt.";
    Files.writeString(input, String.join("\n",
        "{\"id\":\"ok\",\"text\":\"Thanks 😀, the invoice for March is attached.\"}",
        "{\"id\":\"bad\",\"text\":7}",
        "{\"id\":\"threat\",\"text\":\"" + threat + "\"}", ""));
    Path out = dir.resolve("moderate");
    int code = cli(new PrintStream(new ByteArrayOutputStream()), "moderate", "--input", input.toString(),
        "--output", out.toString(), "--format", "jsonl", "--progress-seconds", "0");
    assertEquals(0, code);
    Map<String, JsonNode> docs = OutputFiles.byKey(OutputFiles.read(out.resolve("documents")), "id");
    assertEquals(Set.of("ok"), docs.keySet());
    assertEquals("Thanks 😀, the invoice for March is attached.", docs.get("ok").get("text").asText());
    assertEquals(Set.of("threat"), ids(out.resolve("quarantine"), "id"));
    assertEquals(1, OutputFiles.read(out.resolve("dead_letter")).size());
    assertTrue(OutputFiles.read(out.resolve("findings")).isEmpty());
  }

  @Test
  void evalModerationPrintsPerCategoryMetricsAndRejectsAMissingGoldFile() throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    List<String> lines = new ArrayList<>();
    JsonNode manifest = JSON.readTree(SAMPLES.resolve("manifest.json").toFile()).get("documents");
    for (String line : Files.readAllLines(SAMPLES.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode doc = JSON.readTree(line);
      ObjectNode g = JSON.createObjectNode();
      g.put("text", doc.get("text").asText());
      g.set("labels", manifest.get(doc.get("id").asText()).get("moderation"));
      lines.add(JSON.writeValueAsString(g));
    }
    lines.add("not json");
    Files.write(gold, lines, StandardCharsets.UTF_8);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    assertEquals(0, cli(new PrintStream(buffer, true, StandardCharsets.UTF_8), "eval", "moderation", "--gold",
        gold.toString()));
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("200 examples, 1 unreadable lines skipped"), printed);
    for (String category : List.of("toxicity", "hate", "harassment", "sexual", "violence", "self_harm", "spam")) {
      assertTrue(printed.contains("| " + category + " |"), printed);
    }
    assertTrue(printed.contains("| spam | 2 / 200 |"), printed);
    assertEquals(2, cli(new PrintStream(new ByteArrayOutputStream()), "eval", "moderation", "--gold",
        dir.resolve("missing.jsonl").toString()));
  }
}
