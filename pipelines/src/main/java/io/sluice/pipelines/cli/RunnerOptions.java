package io.sluice.pipelines.cli;

import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.runner.RunnerSettings;
import picocli.CommandLine.Option;

/** The runner options every Beam job command takes ({@code --runner}, {@code --spark-master}, {@code --parallelism}). */
final class RunnerOptions {
  @Option(names = "--runner", paramLabel = "RUNNER", defaultValue = "direct",
      description = "Beam runner: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); spark and flink run embedded.")
  RunnerKind runner;

  @Option(names = "--spark-master", paramLabel = "MASTER",
      description = "Spark master for --runner spark (default: local[N] with --parallelism, else local[*]).")
  String sparkMaster;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
      description = "Worker threads or slots (default: all cores).")
  int parallelism;

  /** The settings, after the checks a typo would otherwise only reveal at run time. */
  RunnerSettings settings() {
    if (parallelism < 0) {
      throw new ConfigException("--parallelism must be >= 0");
    }
    if (sparkMaster != null && runner != RunnerKind.SPARK) {
      throw new ConfigException("--spark-master applies to --runner spark only");
    }
    return new RunnerSettings(runner, sparkMaster, parallelism);
  }
}
