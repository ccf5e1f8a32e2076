package io.sluice.pipelines.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.runner.RunnerSettings;
import io.sluice.pipelines.testing.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example support-ticket spec end to end: the same spec and seed give byte-identical records/ on DirectRunner
 * and on Spark local[2] (Parquet), and at parallelism 1 and 2 (JSONL, Avro), in index order across parts; the run
 * reconciles and summary.json holds the per-field distributions.
 */
class SynthesizeJobTest {
  static final Path SPEC = Path.of("..", "conf", "synth", "support-tickets.yaml");
  static final int COUNT = 230;

  @TempDir Path dir;

  private SynthSummary run(String name, RunnerSettings runner, OutputFormat format) throws IOException {
    Path spec = dir.resolve("spec").resolve("tickets.yaml");
    if (!Files.exists(spec)) {
      // the example spec with small parts, so the output has several
      Files.createDirectories(spec.getParent());
      for (String file : List.of("support-ticket.avsc", "gate-scan.yaml")) {
        Files.copy(SPEC.resolveSibling(file), spec.resolveSibling(file));
      }
      Files.writeString(spec, Files.readString(SPEC).replace("records_per_file: 100000", "records_per_file: 100"));
    }
    return SynthesizeJob.run(SynthOptions.of(spec, COUNT, dir.resolve(name)).withRunner(runner).withFormat(format));
  }

  /** Starts embedded Spark (about a minute on a loaded machine): tagged like ThreeRunnersTest. */
  @Test
  @Tag("runners")
  void directAndSparkWriteByteIdenticalRecordsInIndexOrder() throws IOException {
    SynthSummary direct = run("direct", new RunnerSettings(RunnerKind.DIRECT, null, 1), OutputFormat.PARQUET);
    SynthSummary spark = run("spark", new RunnerSettings(RunnerKind.SPARK, "local[2]", 0), OutputFormat.PARQUET);
    for (SynthSummary s : List.of(direct, spark)) {
      assertTrue(s.reconciled(), s.reconciliationLine());
      assertEquals(COUNT, s.recordsGenerated());
      assertEquals(COUNT, s.recordsWritten() + s.recordsDeadLettered());
    }
    List<Path> parts = parts(dir.resolve("direct"));
    assertEquals(List.of("part-00000-of-00003.parquet", "part-00001-of-00003.parquet", "part-00002-of-00003.parquet"),
        parts.stream().map(p -> p.getFileName().toString()).toList());
    for (String other : List.of("spark")) {
      List<Path> otherParts = parts(dir.resolve(other));
      assertEquals(parts.size(), otherParts.size(), other);
      for (int i = 0; i < parts.size(); i++) {
        assertArrayEquals(Files.readAllBytes(parts.get(i)), Files.readAllBytes(otherParts.get(i)),
            other + " " + otherParts.get(i).getFileName());
      }
    }
    List<JsonNode> rows = OutputFiles.read(dir.resolve("direct").resolve("records"));
    assertEquals(direct.recordsWritten(), rows.size());
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).get("ticket_id").asText().compareTo(rows.get(i).get("ticket_id").asText()) < 0,
          "index order across parts");
    }
    JsonNode channel = direct.fields().get("channel");
    long counted = 0;
    for (JsonNode n : channel.get("top_values")) {
      counted += n.asLong();
    }
    assertEquals(direct.recordsWritten(), counted, "every written record is profiled");
    assertTrue(direct.fields().get("satisfaction").get("min").asDouble() >= 1);
    assertEquals(direct.recordsWritten(), SynthSummary.read(dir.resolve("direct").resolve("summary.json")).recordsWritten());
  }

  @Test
  void jsonlAndAvroAreDeterministicToo() throws IOException {
    for (OutputFormat format : List.of(OutputFormat.JSONL, OutputFormat.AVRO)) {
      run("a-" + format, new RunnerSettings(RunnerKind.DIRECT, null, 1), format);
      run("b-" + format, new RunnerSettings(RunnerKind.DIRECT, null, 2), format);
      List<Path> a = parts(dir.resolve("a-" + format));
      List<Path> b = parts(dir.resolve("b-" + format));
      assertEquals(3, a.size());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), format + " part " + i);
      }
    }
    assertEquals(COUNT, OutputFiles.read(dir.resolve("a-AVRO").resolve("records")).size()
        + OutputFiles.read(dir.resolve("a-AVRO").resolve("dead_letter")).size());
  }

  private static List<Path> parts(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("records"))) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }
}
