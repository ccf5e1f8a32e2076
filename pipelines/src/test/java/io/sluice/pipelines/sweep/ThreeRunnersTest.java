package io.sluice.pipelines.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.runner.RunnerSettings;
import io.sluice.pipelines.testing.OutputFiles;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One PII sweep (default policy, redacting) on DirectRunner, embedded Spark {@code local[2]} and embedded
 * Flink: the findings and redacted documents (sorted) and the summaries' counts must be identical. Part of the default suite (about two
 * minutes: it starts embedded clusters); tagged "runners" to run it alone with {@code -Dgroups=runners}.
 */
@Tag("runners")
class ThreeRunnersTest {
  /** Texts with PII of several kinds, and emoji so offsets are code points. */
  static final List<String> TEXTS = List.of(
      "😀 mail jane.doe@example.com or call +1 415 555 0132",
      "card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32",
      "server 192.168.10.24 at https://intranet.example.org/login 🚀",
      "nothing personal in this one");

  @TempDir Path dir;

  @Test
  void directSparkAndFlinkProduceIdenticalFindingsAndCounts() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, IntStream.range(0, 60)
        .mapToObj(i -> i % 10 == 9 ? "{\"id\":\"d" + i + "\"" // malformed every tenth line
            : "{\"id\":\"d" + i + "\",\"text\":\"" + TEXTS.get(i % TEXTS.size()) + " #" + i + "\"}")
        .collect(Collectors.joining("\n")));

    List<String> reference = null;
    List<String> referenceDocuments = null;
    RunSummary first = null;
    for (RunSummary summary : List.of(
        run(input, new RunnerSettings(RunnerKind.DIRECT, null, 2)),
        run(input, new RunnerSettings(RunnerKind.SPARK, "local[2]", 0)),
        run(input, new RunnerSettings(RunnerKind.FLINK, null, 2)))) {
      List<String> findings = sortedFindings(Path.of(summary.getOutput()));
      assertTrue(summary.getReconciled(), summary.getRunner() + " reconciles");
      assertEquals(60, summary.getRecordsRead(), summary.getRunner());
      if (reference == null) {
        reference = findings;
        referenceDocuments = sortedRows(Path.of(summary.getOutput()), "documents");
        first = summary;
        assertTrue(findings.size() >= 54, "findings on direct: " + findings.size());
      } else {
        assertEquals(reference, findings, summary.getRunner() + " findings");
        assertEquals(referenceDocuments, sortedRows(Path.of(summary.getOutput()), "documents"),
            summary.getRunner() + " redacted documents");
        assertEquals(first.getRecordsWritten(), summary.getRecordsWritten(), summary.getRunner());
        assertEquals(first.getRecordsDeadLettered(), summary.getRecordsDeadLettered(), summary.getRunner());
        assertEquals(first.getFindingsByEntity(), summary.getFindingsByEntity(), summary.getRunner());
        assertEquals(first.getDeadLettersByKind(), summary.getDeadLettersByKind(), summary.getRunner());
        assertEquals(first.getTopDocuments(), summary.getTopDocuments(), summary.getRunner());
      }
    }
  }

  private RunSummary run(Path input, RunnerSettings runner) {
    return SweepJob.run(SweepOptions.builder(input.toString(), dir.resolve("out-" + runner.kind()))
        .runner(runner).format(OutputFormat.PARQUET).build(), PiiSweep.stage(PolicyLoader.defaultPolicy(), false));
  }

  private static List<String> sortedFindings(Path out) throws IOException {
    return sortedRows(out, "findings");
  }

  private static List<String> sortedRows(Path out, String kind) throws IOException {
    List<String> rows = new ArrayList<>();
    for (JsonNode f : OutputFiles.read(out.resolve(kind))) {
      rows.add(f.toString());
    }
    rows.sort(null);
    return rows;
  }
}
