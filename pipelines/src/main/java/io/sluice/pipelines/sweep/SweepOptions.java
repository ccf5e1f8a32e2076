package io.sluice.pipelines.sweep;

import io.sluice.pipelines.io.InputFormat;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.ReadSettings;
import io.sluice.pipelines.runner.RunnerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a sweep needs, as the CLI and benchmarks give it. Immutable; build with {@link #builder}.
 *
 * @param input file, glob or folder
 * @param output folder that receives documents/, findings/, dead_letter/, summary.json, report.html
 * @param policy YAML policy, or null for the built-in default policy
 * @param inputFormat null to detect from the input path
 * @param progressEvery how often to print progress, or null for silence
 * @param overwrite replace the outputs of an earlier run in {@code output} instead of refusing
 * @param moderate run content moderation first: quarantined documents go to quarantine/, not documents/
 */
public record SweepOptions(
    String input,
    Path output,
    Path policy,
    InputFormat inputFormat,
    OutputFormat format,
    ReadSettings readSettings,
    RunnerSettings runner,
    boolean reportOnly,
    Duration progressEvery,
    boolean overwrite,
    boolean moderate) {

  public SweepOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(readSettings, "readSettings");
    Objects.requireNonNull(runner, "runner");
  }

  public static Builder builder(String input, Path output) {
    return new Builder(input, output);
  }

  /** Fluent construction with the CLI's defaults. */
  public static final class Builder {
    private final String input;
    private final Path output;
    private Path policy;
    private InputFormat inputFormat;
    private OutputFormat format = OutputFormat.PARQUET;
    private ReadSettings readSettings = ReadSettings.defaults();
    private RunnerSettings runner = RunnerSettings.direct();
    private boolean reportOnly;
    private boolean moderate;
    private Duration progressEvery;
    private boolean overwrite;

    private Builder(String input, Path output) {
      this.input = input;
      this.output = output;
    }

    public Builder policy(Path policy) {
      this.policy = policy;
      return this;
    }

    public Builder inputFormat(InputFormat inputFormat) {
      this.inputFormat = inputFormat;
      return this;
    }

    public Builder format(OutputFormat format) {
      this.format = format;
      return this;
    }

    public Builder readSettings(ReadSettings readSettings) {
      this.readSettings = readSettings;
      return this;
    }

    public Builder runner(RunnerSettings runner) {
      this.runner = runner;
      return this;
    }

    public Builder moderate(boolean moderate) {
      this.moderate = moderate;
      return this;
    }

    public Builder reportOnly(boolean reportOnly) {
      this.reportOnly = reportOnly;
      return this;
    }

    public Builder progressEvery(Duration progressEvery) {
      this.progressEvery = progressEvery;
      return this;
    }

    public Builder overwrite(boolean overwrite) {
      this.overwrite = overwrite;
      return this;
    }

    public SweepOptions build() {
      return new SweepOptions(input, output, policy, inputFormat, format, readSettings, runner, reportOnly,
          progressEvery, overwrite, moderate);
    }
  }
}
