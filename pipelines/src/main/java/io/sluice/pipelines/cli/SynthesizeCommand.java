package io.sluice.pipelines.cli;

import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.synth.SynthOptions;
import io.sluice.pipelines.synth.SynthSummary;
import io.sluice.pipelines.synth.SynthesizeJob;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice synthesize}: generate records from a spec, gate them, write them. */
@Command(
    name = "synthesize",
    mixinStandardHelpOptions = true,
    description = {
      "Generate synthetic records from a spec (conf/synth/*.yaml): schema records, SLM-written texts, or",
      "de-identified copies of a corpus. Every record passes the spec's gate; records/ holds the accepted ones",
      "in index order, dead_letter/ the rejected ones with the reason; summary.json the counts and distributions.",
      "The same spec, seed and count give byte-identical records/ on every runner and parallelism."
    },
    sortOptions = false)
final class SynthesizeCommand implements Callable<Integer> {
  @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Synthesis spec (YAML).")
  Path spec;

  @Option(names = "--count", paramLabel = "N", defaultValue = "-1",
      description = "Records to generate (modes schema and slm; mode deid copies every --input record).")
  long count;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder.")
  Path output;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the spec's seed).")
  Long seed;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin RunnerOptions runnerOptions;

  @Option(names = "--input", paramLabel = "PATH", description = "Corpus to de-identify (mode deid).")
  String input;

  @Option(names = "--overwrite", description = "Replace the results of an earlier run in --output.")
  boolean overwrite;

  @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "5",
      description = "Print progress every S seconds; 0 for none (default: ${DEFAULT-VALUE}).")
  int progressSeconds;

  private final PrintStream out;

  SynthesizeCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    SynthSummary summary = SynthesizeJob.run(toOptions());
    summary.print(out);
    return summary.reconciled() ? 0 : ConfigErrorHandler.FAILED;
  }

  SynthOptions toOptions() {
    if (progressSeconds < 0) {
      throw new ConfigException("--progress-seconds must be >= 0");
    }
    return new SynthOptions(spec, count, output, seed, runnerOptions.settings(), format,
        input, overwrite, progressSeconds == 0 ? null : Duration.ofSeconds(progressSeconds));
  }
}
