package io.sluice.pipelines.bench;

import io.sluice.bench.ProcessClock;
import io.sluice.models.cli.OptionPairs;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.runner.RunnerSettings;
import io.sluice.pipelines.synth.SynthOptions;
import io.sluice.pipelines.synth.SynthSummary;
import io.sluice.pipelines.synth.SynthesizeJob;
import io.sluice.synth.RecordFactory;
import io.sluice.synth.RecordPlan;
import io.sluice.synth.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench synth}: schema-record synthesis throughput, measured in one run against a reference so the
 * ratios hold on a noisy machine: the bare generation loop without Beam ({@link RecordFactory} building and
 * encoding each record, on {@code --cores} threads), then {@code sluice synthesize} on the DirectRunner and on Spark
 * {@code local[cores]} (generation, gate step, the sorted-part writer to Parquet, field profiles). As in
 * {@code bench sweep}, each row also reports the process's CPU time, which other load does not inflate.
 */
public final class SynthBenchmark {
  private static final String USAGE = "usage: SynthBenchmark [--spec FILE (conf/synth/transactions.yaml)] "
      + "[--records N (1000000)] [--cores N (2)] [--runners direct,spark|none] [--work DIR (target/bench-synth)] "
      + "[--format parquet|jsonl|avro]";

  private static final String ROW = "%-24s %12s %9s %12s %14s %8s %14s %10s%n";

  private SynthBenchmark() {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    RecordPlan plan = SpecLoader.load(s.spec).plan();
    System.out.printf(Locale.ROOT, "spec %s, %,d records, %d cores, %s%n%n", s.spec, s.records, s.cores,
        s.format.name().toLowerCase(Locale.ROOT));
    List<String[]> rows = new ArrayList<>();
    bareLoop(plan, Math.min(s.records, 50_000), s.cores); // warm-up: datafaker's data, JIT
    ProcessClock clock = ProcessClock.start();
    double bareSeconds = bareLoop(plan, s.records, s.cores);
    double bareCpu = clock.cpuSeconds();
    rows.add(row("bare loop, " + s.cores + " threads", s.records, bareSeconds, bareCpu, bareSeconds, bareCpu));
    System.out.printf(Locale.ROOT, ROW, (Object[]) rows.get(0));
    for (RunnerKind runner : s.runners) {
      String name = runner.name().toLowerCase(Locale.ROOT);
      clock = ProcessClock.start();
      SynthSummary summary = SynthesizeJob.run(new SynthOptions(s.spec, s.records, s.work.resolve("out-" + name), null,
          new RunnerSettings(runner, null, s.cores), s.format, null, true, null));
      double cpuSeconds = clock.cpuSeconds();
      if (!summary.reconciled()) {
        throw new IllegalStateException(name + " run does not reconcile: " + summary.reconciliationLine());
      }
      rows.add(row(name + ", " + s.cores + " cores", summary.recordsWritten(), summary.elapsedMs() / 1000.0,
          cpuSeconds, bareSeconds * summary.recordsWritten() / s.records, bareCpu * summary.recordsWritten() / s.records));
      System.out.printf(Locale.ROOT, ROW, (Object[]) rows.get(rows.size() - 1));
    }
    System.out.printf(Locale.ROOT, "%n" + ROW, "mode", "records", "seconds", "records/s", "ratio to bare", "CPU s",
        "records/CPU-s", "CPU ratio");
    rows.forEach(r -> System.out.printf(Locale.ROOT, ROW, (Object[]) r));
    System.out.println("(ratio to bare = records/s divided by the bare loop's; CPU ratio = records per CPU-second of "
        + "the whole process divided by the bare loop's)");
  }

  private static String[] row(String label, long records, double seconds, double cpuSeconds, double bareSeconds,
      double bareCpu) {
    return new String[] {label, String.format(Locale.ROOT, "%,d", records), String.format(Locale.ROOT, "%.1f", seconds),
        String.format(Locale.ROOT, "%,.0f", records / seconds), String.format(Locale.ROOT, "%.2f", bareSeconds / seconds),
        String.format(Locale.ROOT, "%.1f", cpuSeconds), String.format(Locale.ROOT, "%,.0f", records / cpuSeconds),
        String.format(Locale.ROOT, "%.2f", bareCpu / cpuSeconds)};
  }

  /** Builds and encodes records [0, n) on {@code threads} threads, one factory each, as workers do. */
  static double bareLoop(RecordPlan plan, long n, int threads) throws Exception {
    return RoundRobinLoop.seconds(threads, n, () -> {
      RecordFactory factory = new RecordFactory(plan);
      return i -> factory.toSynthRecord(i, factory.record(i));
    });
  }

  private static final class Settings {
    Path spec = Path.of("conf", "synth", "transactions.yaml");
    long records = 1_000_000;
    int cores = 2;
    Path work = Path.of("target", "bench-synth");
    OutputFormat format = OutputFormat.PARQUET;
    List<RunnerKind> runners = List.of(RunnerKind.DIRECT, RunnerKind.SPARK);

    static Settings parse(String[] args) {
      Settings s = new Settings();
      OptionPairs.apply(args, (name, value) -> {
        switch (name) {
          case "--spec" -> s.spec = Path.of(value);
          case "--records" -> s.records = Long.parseLong(value);
          case "--cores" -> s.cores = Integer.parseInt(value);
          case "--work" -> s.work = Path.of(value);
          case "--format" -> s.format = OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
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
