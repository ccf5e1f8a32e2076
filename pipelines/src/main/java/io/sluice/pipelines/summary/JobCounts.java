package io.sluice.pipelines.summary;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The job's {@value JobMetrics#NAMESPACE} counters, summed over the steps that increment them. Uses
 * attempted values: committed values are not supported by every runner, and in a successful batch run
 * they are equal.
 */
public final class JobCounts {
  private final Map<String, Long> counters;

  JobCounts(Map<String, Long> counters) {
    this.counters = counters;
  }

  public static JobCounts of(PipelineResult result) {
    MetricQueryResults metrics =
        result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.inNamespace(JobMetrics.NAMESPACE)).build());
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> counter : metrics.getCounters()) {
      Long attempted = counter.getAttempted();
      if (attempted != null) {
        counters.merge(counter.getName().getName(), attempted, Long::sum);
      }
    }
    return new JobCounts(counters);
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
