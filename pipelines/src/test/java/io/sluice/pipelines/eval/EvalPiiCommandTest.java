package io.sluice.pipelines.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.pipelines.cli.SluiceCli;
import io.sluice.pipelines.sweep.PiiSweep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice eval pii} with a pattern-only policy (no model load), on gold the test writes. */
class EvalPiiCommandTest {
  private static final String POLICY = "name: emails\nentities:\n  EMAIL_ADDRESS: {}\n";
  // "Mail 😀 ana@example.org now": the address is at code points [7, 22)
  private static final String TEXT = "Mail \uD83D\uDE00 ana@example.org now";

  @TempDir Path dir;
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    CommandLine cli = SluiceCli.commandLine(PiiSweep::run, new PrintStream(stdout, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(stderr, true));
    return cli.execute(args);
  }

  @Test
  void runsTheAnalyzerOverPresidioGoldAndWritesScores() throws IOException {
    Path gold = dir.resolve("gold.json");
    Files.writeString(gold, "[{\"full_text\": \"" + TEXT + "\", \"spans\": [{\"entity_type\": \"EMAIL\","
        + " \"start_position\": 7, \"end_position\": 22}, {\"entity_type\": \"PER\", \"start_position\": 0,"
        + " \"end_position\": 4}]}]", StandardCharsets.UTF_8);
    Path policy = dir.resolve("p.yaml");
    Files.writeString(policy, POLICY);
    Path out = dir.resolve("eval");
    int code = run("eval", "pii", "--gold", gold.toString(), "--output", out.toString(), "--policy", policy.toString(),
        "--entity-map", "EMAIL=EMAIL_ADDRESS,PER=PERSON");
    assertEquals(0, code, stderr.toString());
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("EMAIL_ADDRESS") && printed.contains("PERSON"), printed);
    JsonNode json = new ObjectMapper().readTree(out.resolve("eval.json").toFile());
    assertEquals(1.0, json.at("/span/EMAIL_ADDRESS/f1").asDouble(), 1e-9);
    assertEquals(0.0, json.at("/span/PERSON/recall").asDouble(), 1e-9); // the policy finds no names
    assertEquals(1, json.at("/span/PERSON/false_negatives").asInt());
    assertTrue(Files.exists(out.resolve("eval.txt")));
  }

  @Test
  void scoresAnEarlierSweepsJsonlFindings() throws IOException {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, "{\"id\": \"d1\", \"text\": \"" + TEXT + "\", \"entities\": [{\"type\": \"EMAIL_ADDRESS\","
        + " \"start\": 7, \"end\": 22}]}\n", StandardCharsets.UTF_8);
    Path sweep = dir.resolve("sweep");
    Files.createDirectories(sweep.resolve("findings"));
    Files.writeString(sweep.resolve("findings/part-00000.jsonl"), "{\"doc_id\": \"d1\", \"entity_type\": \"EMAIL_ADDRESS\","
        + " \"start\": 7, \"end\": 12, \"score\": 1.0, \"detector\": \"x\"}\n");
    int code = run("eval", "pii", "--gold", gold.toString(), "--output", dir.resolve("e").toString(),
        "--findings", sweep.toString());
    assertEquals(0, code, stderr.toString());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("e/eval.json").toFile());
    // [7, 12) is "ana@e", a third of the address: no span match; at token level it touches "ana", "@" and
    // "example" but not "." and "org"
    assertEquals(0.0, json.at("/span/EMAIL_ADDRESS/f1").asDouble(), 1e-9);
    assertEquals(3, json.at("/token/EMAIL_ADDRESS/true_positives").asInt());
    assertEquals(2, json.at("/token/EMAIL_ADDRESS/false_negatives").asInt());
  }

  @Test
  void missingGoldAndBadMappingAreConfigurationErrors() throws IOException {
    assertEquals(2, run("eval", "pii", "--gold", dir.resolve("none.json").toString(), "--output", dir.toString()));
    assertTrue(stderr.toString().contains("--gold"), stderr.toString());
    Path gold = dir.resolve("g.jsonl");
    Files.writeString(gold, "{\"id\": \"a\", \"text\": \"x\", \"entities\": []}\n");
    assertEquals(2, run("eval", "pii", "--gold", gold.toString(), "--output", dir.toString(), "--entity-map", "A"));
    assertEquals(2, run("eval", "pii", "--gold", gold.toString(), "--output", dir.toString(), "--findings",
        dir.resolve("nosweep").toString()));
  }
}
