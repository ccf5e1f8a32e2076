package io.sluice.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.cli.OptionPairs;
import io.sluice.pii.Detection;
import io.sluice.pii.analyzer.Analyzer;
import io.sluice.pii.operators.Anonymizer;
import io.sluice.pii.operators.KeyRing;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.runner.RunnerSettings;
import io.sluice.pipelines.sweep.PiiSweep;
import io.sluice.pipelines.sweep.SweepJob;
import io.sluice.pipelines.sweep.SweepOptions;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.RunSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code scripts/bench sweep}: detection + redaction throughput with the default policy, measured three
 * ways in one run so the ratios hold on a noisy machine: the bare recognizer loop without Beam (one
 * thread, then {@code --cores} threads), the sweep on the DirectRunner, and the sweep on Spark
 * {@code local[cores]}. Pipeline figures include reading JSONL and writing Parquet, as a user's run does.
 * Each pipeline runs {@code --runs} times: the first in the JVM (cold) also pays class loading and JIT
 * compilation of the runner, which the bare loop's warm-up keeps out of its figure; later runs are the steady
 * state. Every mode also reports the process's CPU time, which other load on a shared machine does not inflate
 * the way it inflates wall time. {@code --pipeline-overhead} keeps one cheap recognizer only, so the pipeline
 * rows show what reading, caching, coders and writing cost.
 */
public final class SweepBenchmark {
  private static final String USAGE =
      "usage: SweepBenchmark [--work DIR (target/bench-sweep)] [--documents N (50000)] [--cores N (2)] "
          + "[--seed N (42)] [--runners direct,spark|none] [--policy FILE (built-in default)] [--patterns-only] "
          + "[--pipeline-overhead] [--runs N (2)]";

  private static final String OVERHEAD_ENTITY = "EMAIL_ADDRESS";

  private SweepBenchmark() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Path corpus = settings.work.resolve("corpus-" + settings.documents + "-" + settings.seed);
    if (!Files.isDirectory(corpus)) {
      System.out.printf(Locale.ROOT, "generating %d documents into %s%n", settings.documents, corpus);
      CorpusGenerator.writeJsonl(corpus, settings.documents, 8, settings.seed);
    }
    List<String> texts = readTexts(corpus);
    long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf(Locale.ROOT, "corpus: %d documents, %.1f MB, %d cores%n%n", texts.size(), bytes / 1e6,
        settings.cores);

    Policy policy = settings.policy == null ? PolicyLoader.defaultPolicy() : PolicyLoader.load(settings.policy);
    if (settings.patternsOnly) {
      // The pattern-recognizer figure the 20 MB/s target is about: model recognizers measured apart.
      policy.recognizers.clear();
    }
    if (settings.pipelineOverhead) {
      // Detection made nearly free (one cheap pattern), so the pipeline's own cost (reading, coders, caching,
      // writing) is what the pipeline rows show; findings still flow through every step.
      policy.recognizers.clear();
      policy.customRecognizers.clear();
      policy.denyList.clear();
      policy.entities.keySet().retainAll(Set.of(OVERHEAD_ENTITY));
    }
    System.out.printf(Locale.ROOT, "policy: %s, recognizers: %s%n", policy.name,
        settings.pipelineOverhead ? "only " + OVERHEAD_ENTITY + " (pipeline overhead)"
            : settings.patternsOnly ? "patterns only" : "patterns + " + policy.recognizers.keySet());
    List<Row> rows = new ArrayList<>();
    // Warm-up: class loading, JIT and libphonenumber's metadata must not count against the first mode.
    bareLoop(policy, texts.subList(0, Math.min(texts.size(), 3000)), 1);
    long cpu = processCpuNanos();
    double seconds = bareLoop(policy, texts, 1);
    rows.add(new Row("bare loop, 1 thread", 1, texts.size(), bytes, seconds, cpuSecondsSince(cpu)));
    cpu = processCpuNanos();
    seconds = bareLoop(policy, texts, settings.cores);
    Row bareAllCores = new Row("bare loop, " + settings.cores + " threads", settings.cores, texts.size(), bytes,
        seconds, cpuSecondsSince(cpu));
    rows.add(bareAllCores);
    for (RunnerKind runner : settings.runners) {
      String name = runner.name().toLowerCase(Locale.ROOT);
      // The first run in this JVM also pays class loading and JIT compilation of the runner's code, which the
      // bare loop's warm-up excluded; later runs show the steady state. Every run is reported.
      for (int run = 1; run <= settings.runs; run++) {
        cpu = processCpuNanos();
        RunSummary summary = pipeline(corpus, settings.work.resolve("out-" + name), policy, runner, settings.cores);
        double cpuSeconds = cpuSecondsSince(cpu);
        if (!summary.getReconciled() || summary.getRecordsWritten() != texts.size()) {
          throw new IllegalStateException(runner + " run did not write every document: " + summary.getRecordsWritten());
        }
        rows.add(new Row(name + " run " + run + (run == 1 ? " (cold)" : "") + ", " + settings.cores + " cores",
            settings.cores, texts.size(), bytes, summary.getElapsedMs() / 1000.0, cpuSeconds));
      }
    }
    print(rows, bareAllCores);
  }

  /** CPU time of the whole process (every thread, GC and JIT included): on a shared machine wall time is not ours. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static double cpuSecondsSince(long startNanos) {
    return (processCpuNanos() - startNanos) / 1e9;
  }

  /** Detection + redaction over every text on {@code threads} threads sharing one analyzer, as workers do. */
  static double bareLoop(Policy policy, List<String> texts, int threads) throws Exception {
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      Anonymizer anonymizer = Anonymizer.fromPolicy(policy, KeyRing.resolve(policy, System.getenv()));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long started = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          long findings = 0;
          for (int i = first; i < texts.size(); i += threads) {
            List<Detection> detections = analyzer.analyze(texts.get(i));
            anonymizer.anonymize(texts.get(i), detections);
            findings += detections.size();
          }
          return findings;
        }));
      }
      for (Future<Long> part : parts) {
        part.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      pool.shutdown();
      return seconds;
    }
  }

  private static RunSummary pipeline(Path corpus, Path output, Policy policy, RunnerKind runner, int cores) {
    SweepOptions options = SweepOptions.builder(corpus.resolve("*.jsonl").toString(), output)
        .format(OutputFormat.PARQUET)
        .runner(new RunnerSettings(runner, null, cores))
        .overwrite(true)
        .build();
    return SweepJob.run(options, PiiSweep.stage(policy, false));
  }

  private static List<String> readTexts(Path corpus) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            JsonNode record = json.readTree(line);
            texts.add(record.get("text").asText());
          }
        }
      }
    }
    return texts;
  }

  private static void print(List<Row> rows, Row reference) {
    System.out.printf(Locale.ROOT, "%n%-28s %8s %8s %8s %10s %14s %8s %9s %12s%n", "mode", "seconds", "docs/s", "MB/s",
        "MB/s/core", "ratio to bare", "CPU s", "MB/CPU-s", "CPU ratio");
    for (Row row : rows) {
      System.out.printf(Locale.ROOT, "%-28s %8.1f %8.0f %8.2f %10.2f %14.2f %8.1f %9.2f %12.2f%n", row.label,
          row.seconds, row.documents / row.seconds, row.megabytesPerSecond(), row.megabytesPerSecond() / row.cores,
          row.megabytesPerSecond() / reference.megabytesPerSecond(), row.cpuSeconds, row.megabytesPerCpuSecond(),
          row.megabytesPerCpuSecond() / reference.megabytesPerCpuSecond());
    }
    System.out.printf(Locale.ROOT, "(ratio to bare = MB/s divided by the bare loop's on %d threads; CPU ratio = MB per "
        + "CPU-second of the whole process divided by the bare loop's, which other load on the machine does not skew)%n",
        reference.cores);
  }

  private record Row(String label, int cores, long documents, long bytes, double seconds, double cpuSeconds) {
    double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }

    double megabytesPerCpuSecond() {
      return bytes / 1e6 / cpuSeconds;
    }
  }

  /** Command-line settings with the defaults: 50,000 documents (~100 MB) on 2 cores. */
  private static final class Settings {
    Path work = Path.of("target", "bench-sweep");
    int documents = 50_000;
    int cores = 2;
    long seed = 42;
    List<RunnerKind> runners = List.of(RunnerKind.DIRECT, RunnerKind.SPARK);
    Path policy;
    boolean patternsOnly;
    boolean pipelineOverhead;
    int runs = 2;

    static Settings parse(String[] args) {
      Settings s = new Settings();
      OptionPairs.apply(args,
          Map.of("--patterns-only", () -> s.patternsOnly = true, "--pipeline-overhead", () -> s.pipelineOverhead = true),
          (name, value) -> {
            switch (name) {
              case "--policy" -> s.policy = Path.of(value);
              case "--work" -> s.work = Path.of(value);
              case "--documents" -> s.documents = Integer.parseInt(value);
              case "--cores" -> s.cores = Integer.parseInt(value);
              case "--runs" -> s.runs = Integer.parseInt(value);
              case "--seed" -> s.seed = Long.parseLong(value);
              case "--runners" -> s.runners = RunnerKind.listOf(value);
              default -> {
                return false;
              }
            }
            return true;
          }, problem -> new IllegalArgumentException(problem + "\n" + USAGE));
      return s;
    }
  }
}
