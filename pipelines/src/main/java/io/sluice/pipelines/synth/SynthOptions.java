package io.sluice.pipelines.synth;

import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code sluice synthesize} was asked to do.
 *
 * @param seed null: the spec's seed
 * @param input the corpus to de-identify (mode deid), else null
 * @param progressEvery null: no progress lines
 */
public record SynthOptions(Path spec, long count, Path output, Long seed, RunnerSettings runner, OutputFormat format,
    String input, boolean overwrite, Duration progressEvery) {
  public static SynthOptions of(Path spec, long count, Path output) {
    return new SynthOptions(spec, count, output, null, RunnerSettings.direct(), OutputFormat.PARQUET, null, false, null);
  }

  public SynthOptions withRunner(RunnerSettings newRunner) {
    return new SynthOptions(spec, count, output, seed, newRunner, format, input, overwrite, progressEvery);
  }

  public SynthOptions withFormat(OutputFormat newFormat) {
    return new SynthOptions(spec, count, output, seed, runner, newFormat, input, overwrite, progressEvery);
  }

  public SynthOptions withSeed(Long newSeed) {
    return new SynthOptions(spec, count, output, newSeed, runner, format, input, overwrite, progressEvery);
  }

  public SynthOptions withOutput(Path newOutput) {
    return new SynthOptions(spec, count, newOutput, seed, runner, format, input, overwrite, progressEvery);
  }
}
