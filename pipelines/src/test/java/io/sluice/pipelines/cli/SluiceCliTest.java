package io.sluice.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.sweep.SweepJob;
import io.sluice.pipelines.sweep.SweepOptions;
import io.sluice.pipelines.testing.TestStages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SluiceCliTest {
  @TempDir Path dir;
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final StringWriter stderr = new StringWriter();
  final AtomicReference<SweepOptions> seen = new AtomicReference<>();

  private int run(SweepRunner runner, String... args) {
    CommandLine cli = SluiceCli.commandLine(runner, new PrintStream(stdout, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(stderr, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  private SweepRunner recording() {
    return options -> {
      seen.set(options);
      return SweepJob.run(options, TestStages.markers());
    };
  }

  @Test
  void sweepRunsAndPrintsTheReconciliationAndTheFindingsTable() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, "{\"id\":\"a\",\"text\":\"x [[x]]\"}\n{\"id\":\"b\"}\n");
    int code = run(recording(), "sweep", "--input", input.toString(), "--output", dir.resolve("out").toString(),
        "--format", "JSONL", "--runner", "direct", "--parallelism", "2", "--progress-seconds", "0");
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, stderr.toString());
    assertTrue(printed.contains("reconciliation: read 2 = written 1 + dead-lettered 1  OK"), printed);
    assertTrue(printed.contains(TestStages.ENTITY), printed);
    assertEquals(OutputFormat.JSONL, seen.get().format());
    assertEquals(RunnerKind.DIRECT, seen.get().runner().kind());
    assertEquals(2, seen.get().runner().parallelism());
    assertTrue(Files.exists(dir.resolve("out/summary.json")));
  }

  @Test
  void configMistakesExitWithCodeTwoAndSayWhatToFix() {
    String out = dir.resolve("out").toString();
    assertEquals(2, run(recording(), "sweep", "--input", dir.resolve("missing.jsonl").toString(), "--output", out));
    assertTrue(stderr.toString().contains("--input"), stderr.toString());

    assertEquals(2, run(recording(), "sweep", "--input", "x.jsonl", "--output", out, "--format", "csv"));
    assertTrue(stderr.toString().contains("--format"), stderr.toString());

    assertEquals(2, run(recording(), "sweep", "--input", "x.jsonl", "--output", out, "--policy",
        dir.resolve("none.yaml").toString()));
    assertTrue(stderr.toString().contains("--policy"), stderr.toString());

    assertEquals(2, run(recording(), "sweep", "--output", out));
    assertEquals(2, run(recording()));
    assertTrue(!Files.exists(dir.resolve("out/summary.json")), "no sweep ran");
  }

  @Test
  void everyCommandHasHelp() {
    assertEquals(0, run(recording(), "--help"));
    List<List<String>> paths = new ArrayList<>();
    collectCommandPaths(SluiceCli.commandLine(recording(), System.out), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 8, "sweep, models list|info|verify, bench sweep|encoder ...: " + paths);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      assertEquals(0, run(recording(), args.toArray(String[]::new)), "help of " + path);
    }
    StringWriter help = new StringWriter();
    CommandLine cli = SluiceCli.commandLine(recording(), System.out);
    cli.setOut(new PrintWriter(help, true));
    cli.execute("sweep", "--help");
    assertTrue(help.toString().contains("--report-only") && help.toString().contains("--spark-master"),
        help.toString());
  }

  private static void collectCommandPaths(CommandLine command, List<String> prefix, List<List<String>> out) {
    command.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) {
        return;
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(name);
      out.add(path);
      collectCommandPaths(sub, path, out);
    });
  }

  @Test
  void modelsListShowsTheEmbeddedEncodersAndAnUnknownModelIsAConfigError() {
    assertEquals(0, run(recording(), "models", "list", "--specs", dir.toString()));
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("all-minilm-l6-v2") && printed.contains("bge-small-en-v1.5"), printed);
    assertTrue(printed.contains("present"), printed);

    assertEquals(2, run(recording(), "models", "info", dir.resolve("no-such-model").toString()));
    assertTrue(stderr.toString().contains("embedded id"), stderr.toString());
  }
}
