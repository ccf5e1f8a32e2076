package io.sluice.pipelines.cli;

import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.summary.SummaryTable;
import io.sluice.pipelines.sweep.SweepOptions;
import io.sluice.schemas.RunSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice sweep}: detect (and unless --report-only, redact) PII across a corpus. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Detect PII in every document of a corpus and redact it as the policy says.",
      "Writes documents/, findings/, dead_letter/, summary.json and report.html under --output,",
      "then prints the reconciliation (read = written + dead-lettered) and findings per entity type."
    },
    sortOptions = false)
final class SweepCommand implements Callable<Integer> {
  @Mixin CorpusOptions corpus;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "YAML policy (default: the built-in default policy, conf/policies/default.yaml).")
  Path policy;

  @Mixin RunnerOptions runnerOptions;

  @Option(names = "--report-only", description = "Detect and report findings without redacting.")
  boolean reportOnly;

  @Option(names = "--moderate",
      description = "Moderate first (policy section moderation:): quarantined documents go to quarantine/, not "
          + "documents/, and are not redacted; scores go to moderation/.")
  boolean moderate;

  @Option(names = "--max-doc-bytes", paramLabel = "BYTES", defaultValue = "67108864",
      description = "Larger documents are dead-lettered as TOO_LARGE (default: ${DEFAULT-VALUE}, 64 MiB).")
  long maxDocBytes;

  @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "5",
      description = "Print progress every S seconds; 0 for none (default: ${DEFAULT-VALUE}).")
  int progressSeconds;

  private final SweepRunner sweeps;
  private final PrintStream out;

  SweepCommand(SweepRunner sweeps, PrintStream out) {
    this.sweeps = sweeps;
    this.out = out;
  }

  @Override
  public Integer call() {
    RunSummary summary = sweeps.run(toOptions());
    SummaryTable.print(summary, out);
    return summary.getReconciled() ? 0 : 1;
  }

  SweepOptions toOptions() {
    if (policy != null) {
      FileOptions.requireFile(policy, "--policy");
    }
    if (maxDocBytes <= 0 || progressSeconds < 0) {
      throw new ConfigException("--progress-seconds must be >= 0, --max-doc-bytes > 0");
    }
    return SweepOptions.builder(corpus.input, corpus.output)
        .policy(policy)
        .inputFormat(corpus.inputFormat)
        .format(corpus.format)
        .readSettings(corpus.readSettings(maxDocBytes))
        .runner(runnerOptions.settings())
        .reportOnly(reportOnly)
        .moderate(moderate)
        .progressEvery(progressSeconds == 0 ? null : Duration.ofSeconds(progressSeconds))
        .overwrite(corpus.overwrite)
        .build();
  }
}
