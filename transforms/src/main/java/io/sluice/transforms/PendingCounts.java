package io.sluice.transforms;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;

/**
 * Increments of Beam counters summed in memory and added at once by {@link #commit}: each {@link Counter#inc}
 * looks up the running step's metrics container and the counter's cell by name, which costs more than the
 * counting itself when it runs per finding. A DoFn keeps one per bundle (or batch) and commits it before the bundle
 * ends, while the runner still attributes increments to the step. Not thread-safe: one per DoFn instance.
 */
public final class PendingCounts {
  // Keyed by instance: callers reuse their counters (static fields, KeyedCounters); two instances of one name are
  // each added to the metric, which sums the same.
  private final Map<Counter, long[]> sums = new IdentityHashMap<>();

  public void add(Counter counter, long n) {
    long[] sum = sums.get(counter);
    if (sum == null) {
      sums.put(counter, new long[] {n});
    } else {
      sum[0] += n;
    }
  }

  /** Adds every pending sum to its counter and starts again from nothing. */
  public void commit() {
    sums.forEach((counter, sum) -> counter.inc(sum[0]));
    sums.clear();
  }
}
