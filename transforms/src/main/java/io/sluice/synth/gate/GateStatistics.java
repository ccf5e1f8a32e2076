package io.sluice.synth.gate;

import io.sluice.transforms.CounterTotals;
import io.sluice.transforms.SluiceMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.MetricResults;

/**
 * What the gate reports, as Beam counters in namespace {@code sluice} (read back from the pipeline result, as
 * the sweep's summary reads its counters): records accepted, records rejected per kind, and the distinct-n
 * ratios of the accepted texts (distinct n-grams / all n-grams, over the normalised words of
 * {@link TextTokens}, n = 1 and 2; 1.0 means no n-gram repeats anywhere in the output).
 *
 * @param accepted records that passed the gate
 * @param rejectedByKind rejected records per dead-letter kind ({@link GateErrorKinds#ALL} order, zeros included)
 * @param distinct1 distinct-1 ratio of the accepted texts (NaN when they hold no words)
 * @param distinct2 distinct-2 ratio of the accepted texts (NaN when they hold no word pairs)
 */
public record GateStatistics(long accepted, Map<String, Long> rejectedByKind, double distinct1, double distinct2) {
  public static final String ACCEPTED = "gate.accepted";
  /** Prefix of the per-kind rejection counters: {@code gate.rejected.PII_LEAK}. */
  public static final String REJECTED_PREFIX = "gate.rejected.";
  /** {@code gate.ngrams_distinct.1}, {@code gate.ngrams_total.2}, ...: the parts of the distinct-n ratios. */
  public static final String NGRAMS_DISTINCT_PREFIX = "gate.ngrams_distinct.";
  public static final String NGRAMS_TOTAL_PREFIX = "gate.ngrams_total.";

  /** All rejected records. */
  public long rejected() {
    return rejectedByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The gate's counters in a finished pipeline's metrics. */
  public static GateStatistics from(MetricResults metrics) {
    Map<String, Long> counters = CounterTotals.of(metrics, SluiceMetrics.NAMESPACE);
    Map<String, Long> rejected = new LinkedHashMap<>();
    for (String kind : GateErrorKinds.ALL) {
      rejected.put(kind, counters.getOrDefault(REJECTED_PREFIX + kind, 0L));
    }
    return new GateStatistics(counters.getOrDefault(ACCEPTED, 0L), rejected,
        ratio(counters, 1), ratio(counters, 2));
  }

  private static double ratio(Map<String, Long> counters, int n) {
    long total = counters.getOrDefault(NGRAMS_TOTAL_PREFIX + n, 0L);
    return total == 0 ? Double.NaN : (double) counters.getOrDefault(NGRAMS_DISTINCT_PREFIX + n, 0L) / total;
  }
}
