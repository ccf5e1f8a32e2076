package io.sluice.pipelines.runner;

/** The Beam runners a job can run on. */
public enum RunnerKind {
  DIRECT,
  SPARK,
  FLINK
}
