package io.sluice.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.bench.ProcessClock;
import io.sluice.models.cli.OptionPairs;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code scripts/bench sweep}: detection + redaction throughput with the default policy, measured three
 * ways in one run so the ratios hold on a noisy machine: the bare recognizer loop without Beam (one
 * thread, then {@code --cores} threads), the sweep on the DirectRunner, and the sweep on Spark
 * {@code local[cores]}. Pipeline figures include reading JSONL and writing Parquet, as a user's run does.
 * The bare loop is measured in the steady state: a warm-up repeats a pass over the first documents until a pass
 * runs without noticeable JIT compilation. Each pipeline runs {@code --runs} times (default 5): the first in the
 * JVM (cold) also pays class loading and JIT compilation of the runner, and the JIT keeps compiling Spark's and
 * Beam's paths for a few more runs, so every run is reported with the JIT's compilation time during it, and the
 * last run is the steady state the targets are checked against. Every mode also reports the process's CPU time,
 * which other load on a shared machine does not inflate the way it inflates wall time. {@code --pipeline-overhead} keeps one cheap recognizer only, so the pipeline
 * rows show what reading, caching, coders and writing cost.
 */
public final class SweepBenchmark {
  private static final String USAGE =
      "usage: SweepBenchmark [--work DIR (target/bench-sweep)] [--documents N (50000)] [--cores N (2)] "
          + "[--seed N (42)] [--runners direct,spark|none] [--policy FILE (built-in default)] [--patterns-only] "
          + "[--pipeline-overhead] [--runs N (5)]";

  private static final String OVERHEAD_ENTITY = "EMAIL_ADDRESS";
  /** The targets: the bare loop per core, and a pipeline against the bare loop on all cores. */
  private static final double BARE_MB_PER_SECOND_PER_CORE = 20;
  private static final double PIPELINE_TO_BARE_RATIO = 0.70;
  /** Warm-up passes cover this many documents each; it ends after a pass with less JIT time than below. */
  private static final int WARM_UP_DOCUMENTS = 5000;
  private static final double WARM_UP_QUIET_JIT_SECONDS = 0.05;
  private static final int WARM_UP_MAX_PASSES = 30;

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
    warmUp(policy, texts.subList(0, Math.min(texts.size(), WARM_UP_DOCUMENTS)));
    ProcessClock clock = ProcessClock.start();
    double seconds = bareLoop(policy, texts, 1);
    Row bareOneCore = new Row("bare loop, 1 thread", 1, texts.size(), bytes, seconds, clock.cpuSeconds(),
        clock.jitSeconds());
    rows.add(bareOneCore);
    clock = ProcessClock.start();
    seconds = bareLoop(policy, texts, settings.cores);
    Row bareAllCores = new Row("bare loop, " + settings.cores + " threads", settings.cores, texts.size(), bytes,
        seconds, clock.cpuSeconds(), clock.jitSeconds());
    rows.add(bareAllCores);
    List<Row> lastRuns = new ArrayList<>();
    for (RunnerKind runner : settings.runners) {
      String name = runner.name().toLowerCase(Locale.ROOT);
      // The first run in this JVM also pays class loading and JIT compilation of the runner's code, which the
      // bare loop's warm-up excluded; later runs show the steady state. Every run is reported.
      Row last = null;
      for (int run = 1; run <= settings.runs; run++) {
        clock = ProcessClock.start();
        RunSummary summary = pipeline(corpus, settings.work.resolve("out-" + name), policy, runner, settings.cores);
        if (!summary.getReconciled() || summary.getRecordsWritten() != texts.size()) {
          throw new IllegalStateException(runner + " run did not write every document: " + summary.getRecordsWritten());
        }
        last = new Row(name + " run " + run + (run == 1 ? " (cold)" : "") + ", " + settings.cores + " cores",
            settings.cores, texts.size(), bytes, summary.getElapsedMs() / 1000.0, clock.cpuSeconds(),
            clock.jitSeconds());
        rows.add(last);
      }
      lastRuns.add(last);
    }
    print(rows, bareAllCores);
    printTargets(bareOneCore, bareAllCores, lastRuns);
  }

  /**
   * Repeats the bare loop over {@code texts} until a pass compiles (almost) nothing: class loading, libphonenumber's
   * metadata and the JIT's tiers must not count against the measured modes, and a fixed-size warm-up ended while C2
   * was still compiling the recognizers (the first measured mode then ran 20-30% slower than the next).
   */
  private static void warmUp(Policy policy, List<String> texts) throws Exception {
    ProcessClock total = ProcessClock.start();
    long started = System.nanoTime();
    int passes = 0;
    double jitSeconds;
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      Anonymizer anonymizer = Anonymizer.fromPolicy(policy, KeyRing.resolve(policy, System.getenv()));
      do {
        ProcessClock pass = ProcessClock.start();
        loop(analyzer, anonymizer, texts, 1);
        jitSeconds = pass.jitSeconds();
        passes++;
      } while (jitSeconds >= WARM_UP_QUIET_JIT_SECONDS && passes < WARM_UP_MAX_PASSES);
    }
    System.out.printf(Locale.ROOT, "warm-up: %d passes over %d documents, %.1f s, JIT %.1f s (last pass %.2f s)%n",
        passes, texts.size(), (System.nanoTime() - started) / 1e9, total.jitSeconds(), jitSeconds);
  }

  /**
   * Detection + redaction over every text on {@code threads} threads sharing one analyzer, as workers do; each
   * measured mode builds its own analyzer, so no mode inherits another's caches.
   */
  static double bareLoop(Policy policy, List<String> texts, int threads) throws Exception {
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      return loop(analyzer, Anonymizer.fromPolicy(policy, KeyRing.resolve(policy, System.getenv())), texts, threads);
    }
  }

  /** Seconds the loop takes over {@code texts}, split round-robin between {@code threads} threads. */
  private static double loop(Analyzer analyzer, Anonymizer anonymizer, List<String> texts, int threads)
      throws Exception {
    return RoundRobinLoop.seconds(threads, texts.size(), () -> i -> {
      String text = texts.get((int) i);
      anonymizer.anonymize(text, analyzer.analyze(text));
    });
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
    System.out.printf(Locale.ROOT, "%n%-28s %8s %8s %8s %10s %14s %8s %9s %12s %6s%n", "mode", "seconds", "docs/s",
        "MB/s", "MB/s/core", "ratio to bare", "CPU s", "MB/CPU-s", "CPU ratio", "JIT s");
    for (Row row : rows) {
      System.out.printf(Locale.ROOT, "%-28s %8.1f %8.0f %8.2f %10.2f %14.2f %8.1f %9.2f %12.2f %6.1f%n", row.label,
          row.seconds, row.documents / row.seconds, row.megabytesPerSecond(), row.megabytesPerSecond() / row.cores,
          row.megabytesPerSecond() / reference.megabytesPerSecond(), row.cpuSeconds, row.megabytesPerCpuSecond(),
          row.megabytesPerCpuSecond() / reference.megabytesPerCpuSecond(), row.jitSeconds);
    }
    System.out.printf(Locale.ROOT, "(ratio to bare = MB/s divided by the bare loop's on %d threads; CPU ratio = MB per "
        + "CPU-second of the whole process divided by the bare loop's, which other load on the machine does not skew; "
        + "JIT s = the JIT compilers' time during the mode, summed over their threads)%n", reference.cores);
  }

  /** The two targets against this run's figures: the last run of each pipeline is its steady state. */
  private static void printTargets(Row bareOneCore, Row bareAllCores, List<Row> lastRuns) {
    System.out.printf(Locale.ROOT, "%ntarget: bare loop >= %.0f MB/s per core: %.2f on 1 thread, %.2f per core on %d -> %s%n",
        BARE_MB_PER_SECOND_PER_CORE, bareOneCore.megabytesPerSecond(), bareAllCores.megabytesPerSecond()
            / bareAllCores.cores, bareAllCores.cores,
        verdict(bareOneCore.megabytesPerSecond() >= BARE_MB_PER_SECOND_PER_CORE));
    for (Row last : lastRuns) {
      double ratio = last.megabytesPerSecond() / bareAllCores.megabytesPerSecond();
      System.out.printf(Locale.ROOT, "target: %s >= %.2f of the bare loop on %d threads: %.2f -> %s%n", last.label,
          PIPELINE_TO_BARE_RATIO, bareAllCores.cores, ratio, verdict(ratio >= PIPELINE_TO_BARE_RATIO));
    }
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  private record Row(String label, int cores, long documents, long bytes, double seconds, double cpuSeconds,
      double jitSeconds) {
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
    int runs = 5;

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
