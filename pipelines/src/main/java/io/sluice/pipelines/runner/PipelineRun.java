package io.sluice.pipelines.runner;

import io.sluice.pipelines.summary.ProgressReporter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * A job's pipeline run to its end: its result (for the counters the summary reads), when it started and how long
 * it took.
 */
public record PipelineRun(PipelineResult result, Instant startedAt, Duration elapsed) {

  /** As {@link #untilDone(Pipeline, String, Supplier)}, printing no progress. */
  public static PipelineRun untilDone(Pipeline pipeline, String job) {
    return untilDone(pipeline, job, () -> null);
  }

  /**
   * Runs {@code pipeline} and waits for it; fails with {@link IllegalStateException} naming {@code job} unless it
   * ends DONE.
   *
   * @param progress opens the progress lines printed while the pipeline runs (closed when it ends), or gives null
   *     for none; opened just before the run so that its rates count from the start
   */
  public static PipelineRun untilDone(Pipeline pipeline, String job, Supplier<ProgressReporter> progress) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    PipelineResult result;
    try (ProgressReporter ignored = progress.get()) {
      result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the " + job + " pipeline ended in state " + state);
      }
    }
    return new PipelineRun(result, startedAt, Duration.ofNanos(System.nanoTime() - start));
  }
}
