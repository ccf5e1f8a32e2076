package io.sluice.transforms;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * A finished pipeline's counters of one namespace, summed over the steps that increment them. Committed values where
 * the runner has them, attempted values where it has only those (Spark, Flink): the DirectRunner reports a bundle's
 * attempted values only after it has marked the bundle done, so a query right after the pipeline ends can miss what
 * the last bundles added in {@code @FinishBundle} (seen as 3 of 5 counts in about half the runs of
 * {@code PendingCountsTest}), while its committed values are complete by then. In a successful batch run the two are
 * equal.
 */
public final class CounterTotals {
  private CounterTotals() {}

  public static Map<String, Long> of(MetricResults metrics, String namespace) {
    Map<String, Long> totals = new TreeMap<>();
    for (MetricResult<Long> counter : metrics.queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(namespace)).build()).getCounters()) {
      Long value = finalValue(counter);
      if (value != null) {
        totals.merge(counter.getName().getName(), value, Long::sum);
      }
    }
    return totals;
  }

  private static Long finalValue(MetricResult<Long> counter) {
    try {
      return counter.getCommitted();
    } catch (UnsupportedOperationException attemptedOnly) {
      return counter.getAttempted();
    }
  }
}
