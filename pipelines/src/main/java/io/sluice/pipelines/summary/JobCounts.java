package io.sluice.pipelines.summary;

import io.sluice.transforms.CounterTotals;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;

/**
 * The job's {@value JobMetrics#NAMESPACE} counters, summed over the steps that increment them
 * ({@link CounterTotals}).
 */
public final class JobCounts {
  private final Map<String, Long> counters;

  JobCounts(Map<String, Long> counters) {
    this.counters = counters;
  }

  public static JobCounts of(PipelineResult result) {
    return new JobCounts(CounterTotals.of(result.metrics(), JobMetrics.NAMESPACE));
  }

  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** Counters whose name starts with {@code prefix}, keyed by the rest of the name. */
  public Map<String, Long> withPrefix(String prefix) {
    Map<String, Long> found = new TreeMap<>();
    counters.forEach((name, value) -> {
      if (name.startsWith(prefix) && value > 0) {
        found.put(name.substring(prefix.length()), value);
      }
    });
    return found;
  }
}
