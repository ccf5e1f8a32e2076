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
import java.util.Arrays;
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
 * Beam's paths for a few more runs, so every run is reported with the JIT's compilation time during it. Each run
 * follows a pass of the bare loop, and a pipeline's target is checked on the median of its last three runs against
 * the median of all bare passes. Every mode also reports the process's CPU time, which other load on a shared
 * machine does not inflate the way it inflates wall time. {@code --pipeline-overhead} keeps one cheap recognizer
 * only, so the pipeline rows show what reading, caching, coders and writing cost.
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
  /** A pipeline's target is checked on the median throughput of this many of its last runs. */
  private static final int STEADY_STATE_RUNS = 3;

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
    Row bareOneCore = measureBare(policy, texts, bytes, 1, "bare loop, 1 thread", null);
    rows.add(bareOneCore);
    Row bareAllCores = measureBare(policy, texts, bytes, settings.cores, "bare loop, " + settings.cores + " threads",
        null);
    rows.add(bareAllCores);
    List<Row> barePasses = new ArrayList<>(List.of(bareAllCores));
    List<PipelineRuns> pipelines = new ArrayList<>();
    for (RunnerKind runner : settings.runners) {
      String name = runner.name().toLowerCase(Locale.ROOT);
      // The first run in this JVM also pays class loading and JIT compilation of the runner's code, which the
      // bare loop's warm-up excluded; later runs show the steady state. A pass of the bare loop before each run
      // samples the reference as often as the pipeline: the machine's speed drifts over minutes (a VM's cores), and
      // each row's ratio is to the pass just before it, so the table shows the drift.
      PipelineRuns runs = new PipelineRuns(name);
      for (int run = 1; run <= settings.runs; run++) {
        Row reference = measureBare(policy, texts, bytes, settings.cores,
            "  bare loop before " + name + " run " + run, bareAllCores);
        ProcessClock clock = ProcessClock.start();
        RunSummary summary = pipeline(corpus, settings.work.resolve("out-" + name), policy, runner, settings.cores);
        if (!summary.getReconciled() || summary.getRecordsWritten() != texts.size()) {
          throw new IllegalStateException(runner + " run did not write every document: " + summary.getRecordsWritten());
        }
        Row pipelineRun = new Row(name + " run " + run + (run == 1 ? " (cold)" : "") + ", " + settings.cores
            + " cores", settings.cores, texts.size(), bytes, summary.getElapsedMs() / 1000.0, clock.cpuSeconds(),
            clock.jitSeconds(), reference);
        barePasses.add(reference);
        rows.add(reference);
        rows.add(pipelineRun);
        runs.add(pipelineRun);
      }
      pipelines.add(runs);
    }
    print(rows, bareAllCores);
    printTargets(bareOneCore, barePasses, pipelines);
  }

  /** One measured pass of the bare loop on {@code threads} threads; {@code reference} as in {@link Row}. */
  private static Row measureBare(Policy policy, List<String> texts, long bytes, int threads, String label,
      Row reference) throws Exception {
    ProcessClock clock = ProcessClock.start();
    double seconds = bareLoop(policy, texts, threads);
    return new Row(label, threads, texts.size(), bytes, seconds, clock.cpuSeconds(), clock.jitSeconds(), reference);
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

  private static void print(List<Row> rows, Row firstBare) {
    System.out.printf(Locale.ROOT, "%n%-36s %8s %8s %8s %10s %14s %8s %9s %12s %6s%n", "mode", "seconds", "docs/s",
        "MB/s", "MB/s/core", "ratio to bare", "CPU s", "MB/CPU-s", "CPU ratio", "JIT s");
    for (Row row : rows) {
      Row reference = row.reference == null ? row : row.reference;
      System.out.printf(Locale.ROOT, "%-36s %8.1f %8.0f %8.2f %10.2f %14.2f %8.1f %9.2f %12.2f %6.1f%n", row.label,
          row.seconds, row.documents / row.seconds, row.megabytesPerSecond(), row.megabytesPerSecond() / row.cores,
          row.megabytesPerSecond() / reference.megabytesPerSecond(), row.cpuSeconds, row.megabytesPerCpuSecond(),
          row.megabytesPerCpuSecond() / reference.megabytesPerCpuSecond(), row.jitSeconds);
    }
    System.out.printf(Locale.ROOT, "(ratio to bare = MB/s divided by the bare loop's on %d threads: for a pipeline run, "
        + "the bare pass just above it; for a bare pass, the first one, which shows how the machine and the JIT "
        + "drifted; CPU ratio = the same with MB per CPU-second of the whole process, which other load on the machine "
        + "does not skew; JIT s = the JIT compilers' time during the mode, summed over their threads)%n",
        firstBare.cores);
  }

  /**
   * The two targets against this run's figures. A pipeline's figure is the median throughput of its last
   * three runs (its steady state; the cold first run is left out when there are later ones) divided by the median
   * of every bare pass on all cores (the first one and one before each run): on this kind of machine one pass or run
   * moves by a quarter or more between neighbours (the VM's speed, the collection of the previous run's garbage),
   * so single figures, paired or not, decide nothing.
   */
  private static void printTargets(Row bareOneCore, List<Row> barePasses, List<PipelineRuns> pipelines) {
    System.out.printf(Locale.ROOT, "%ntarget: bare loop >= %.0f MB/s per core: %.2f on 1 thread -> %s%n",
        BARE_MB_PER_SECOND_PER_CORE, bareOneCore.megabytesPerSecond(),
        verdict(bareOneCore.megabytesPerSecond() >= BARE_MB_PER_SECOND_PER_CORE));
    double bare = medianMegabytesPerSecond(barePasses);
    for (PipelineRuns runs : pipelines) {
      List<Row> steady = runs.steadyState(STEADY_STATE_RUNS);
      double pipeline = medianMegabytesPerSecond(steady);
      double ratio = pipeline / bare;
      System.out.printf(Locale.ROOT, "target: %s >= %.2f of the bare loop: median of runs %d-%d %.2f MB/s, of the %d "
              + "bare passes on %d threads %.2f MB/s: %.2f -> %s%n", runs.runner, PIPELINE_TO_BARE_RATIO,
          runs.runs.size() - steady.size() + 1, runs.runs.size(), pipeline,
          barePasses.size(), barePasses.get(0).cores, bare, ratio, verdict(ratio >= PIPELINE_TO_BARE_RATIO));
    }
  }

  private static double medianMegabytesPerSecond(List<Row> rows) {
    return median(rows.stream().mapToDouble(Row::megabytesPerSecond).toArray());
  }

  /** The median of {@code values}, sorting them in place. */
  private static double median(double[] values) {
    Arrays.sort(values);
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  /**
   * One measured mode.
   *
   * @param reference the bare pass this row's ratios are taken against; null for the first bare passes (their own)
   */
  private record Row(String label, int cores, long documents, long bytes, double seconds, double cpuSeconds,
      double jitSeconds, Row reference) {
    double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }

    double megabytesPerCpuSecond() {
      return bytes / 1e6 / cpuSeconds;
    }
  }

  /** A runner's runs in order. */
  private record PipelineRuns(String runner, List<Row> runs) {
    PipelineRuns(String runner) {
      this(runner, new ArrayList<>());
    }

    void add(Row run) {
      runs.add(run);
    }

    /** The last {@code count} runs, leaving out the cold first one unless it is the only one. */
    List<Row> steadyState(int count) {
      int from = Math.max(runs.size() > 1 ? 1 : 0, runs.size() - count);
      return runs.subList(from, runs.size());
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
