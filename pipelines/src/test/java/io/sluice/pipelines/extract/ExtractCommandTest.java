package io.sluice.pipelines.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.bench.RandomDecoders;
import io.sluice.pipelines.cli.SluiceCli;
import io.sluice.pipelines.io.RecordFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice extract --mode generative} end to end on the receipts we wrote, with a random two-layer decoder:
 * typed records, dead letters, summary.json and the reconciliation; then {@code sluice eval extract} on its records.
 */
class ExtractCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path RECEIPTS = Path.of("..", "conf", "extract", "receipts.jsonl");
  /** Random weights write any string (also "") and number, so only the date (always valid when constrained) is required. */
  private static final String SCHEMA = """
      {"type": "record", "name": "Receipt", "fields": [
        {"name": "company", "type": ["null", "string"], "doc": "Name of the shop."},
        {"name": "date", "type": {"type": "int", "logicalType": "date"}, "doc": "Date of purchase."},
        {"name": "total", "type": ["null", {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}]},
        {"name": "items", "type": {"type": "array", "items": "string"}, "doc": "Names of the items bought."}]}""";
  @TempDir Path tmp;

  @Test
  void extractsTypedRecordsDeadLettersBadLinesAndReconciles() throws Exception {
    Path model = RandomDecoders.write(tmp.resolve("model"), RandomDecoders.tiny(4096), 8, 4);
    Path schema = Files.writeString(tmp.resolve("receipt.avsc"), SCHEMA);
    List<String> lines = new ArrayList<>(Files.readAllLines(RECEIPTS));
    lines.add("not json at all");
    lines.add("{\"id\": \"empty\", \"text\": \"\"}");
    Path input = Files.write(tmp.resolve("input.jsonl"), lines);
    Path output = tmp.resolve("out");

    Run run = sluice("extract", "--input", input.toString(), "--schema", schema.toString(), "--output",
        output.toString(), "--mode", "generative", "--model", model.toString(), "--format", "jsonl",
        "--max-new-tokens", "48", "--batch-size", "3");
    assertEquals(0, run.code, run.printed + run.errors);
    assertTrue(run.printed.contains("records read 7 = written 5 + dead-lettered 2"), run.printed);
    List<JsonNode> records = RecordFiles.readAsJson(output.resolve("records"));
    assertEquals(5, records.size());
    for (JsonNode r : records) {
      assertTrue(r.get("doc_id").asText().matches("r[1-5]"), r.toString());
      assertTrue(r.get("date").asText().matches("\\d{4}-\\d{2}-\\d{2}"), r.toString());
      assertTrue(r.get("total").isNull() || r.get("total").isNumber(), r.toString());
      assertTrue(r.get("items").isArray(), r.toString());
    }
    List<JsonNode> dead = RecordFiles.readAsJson(output.resolve("dead_letter"));
    assertEquals(List.of("EMPTY_TEXT", "MALFORMED_JSON"),
        dead.stream().map(d -> d.get("error_kind").asText()).sorted().toList());
    JsonNode summary = JSON.readTree(output.resolve("summary.json").toFile());
    assertTrue(summary.get("reconciled").asBoolean());
    assertEquals(5, summary.get("records_written").asInt());
    assertTrue(summary.get("fields_nulled").isObject());

    Run eval = sluice("eval", "extract", "--gold", RECEIPTS.toString(), "--schema", schema.toString(),
        "--predictions", output.resolve("records").toString());
    assertEquals(0, eval.code, eval.printed);
    assertTrue(eval.printed.contains("gold documents 5, with a prediction 5"), eval.printed);
    assertTrue(eval.printed.contains("overall accuracy"), eval.printed);
  }

  @Test
  void configurationMistakesFailBeforeTheJobWithWhatToFix() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.avsc"),
        "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"weight\", \"type\": \"float\"}]}");
    Run badSchema = sluice("extract", "--input", RECEIPTS.toString(), "--schema", bad.toString(), "--output",
        tmp.resolve("o1").toString(), "--model", tmp.toString());
    assertEquals(2, badSchema.code);
    assertTrue(badSchema.errors.contains("field 'weight'") && badSchema.errors.contains("use double"),
        badSchema.errors);
    Path schema = Files.writeString(tmp.resolve("receipt.avsc"), SCHEMA);
    Run notSpan = sluice("extract", "--input", RECEIPTS.toString(), "--schema", schema.toString(), "--output",
        tmp.resolve("o2").toString(), "--mode", "span", "--model", tmp.toString());
    assertEquals(2, notSpan.code);
    assertTrue(notSpan.errors.contains("not a span model"), notSpan.errors);
    // The runner options are the sweep's: --spark-master is taken, and checked against --runner.
    Run masterWithoutSpark = sluice("extract", "--input", RECEIPTS.toString(), "--schema", schema.toString(),
        "--output", tmp.resolve("o3").toString(), "--model", tmp.toString(), "--spark-master", "local[2]");
    assertEquals(2, masterWithoutSpark.code);
    assertTrue(masterWithoutSpark.errors.contains("--spark-master applies to --runner spark only"),
        masterWithoutSpark.errors);
  }

  private record Run(int code, String printed, String errors) {}

  private static Run sluice(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var cli = SluiceCli.commandLine(options -> null, out);
    cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    int code = cli.execute(args);
    return new Run(code, bytes.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
