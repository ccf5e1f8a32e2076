package io.sluice.pipelines.runner;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The Beam runners a job can run on. */
public enum RunnerKind {
  DIRECT,
  SPARK,
  FLINK;

  /** A benchmark's {@code --runners}: names separated by commas, in any case, or "none" for no pipeline runs. */
  public static List<RunnerKind> listOf(String names) {
    return "none".equals(names) ? List.of()
        : Stream.of(names.split(",")).map(r -> RunnerKind.valueOf(r.trim().toUpperCase(Locale.ROOT))).toList();
  }
}
