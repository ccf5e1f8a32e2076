package io.sluice.pipelines.cli;

import io.sluice.pipelines.sweep.SweepOptions;
import io.sluice.schemas.RunSummary;

/** What {@code sluice sweep} runs once its options are parsed: the PII sweep in production. */
@FunctionalInterface
public interface SweepRunner {
  RunSummary run(SweepOptions options);
}
