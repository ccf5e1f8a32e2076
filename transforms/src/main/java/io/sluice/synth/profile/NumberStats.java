package io.sluice.synth.profile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Count, min, max, mean and a histogram of a numeric field, mergeable across workers. The histogram's bins are
 * [k * 2^e, (k + 1) * 2^e) with the smallest e that keeps at most {@link #MAX_BINS} bins: it needs no range known
 * in advance, and since any subset of the values needs at most the e of the whole, the bins do not depend on the
 * order in which workers merged.
 */
final class NumberStats implements Serializable {
  static final int MAX_BINS = 24;
  /** Finest bins of decimals: 2^-30. Whole numbers start at width 1, so each value gets its own bin when few. */
  private static final int FINEST_DECIMAL = -30;

  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double sum;
  private int exponent;

  NumberStats(boolean wholeNumbers) {
    this.exponent = wholeNumbers ? 0 : FINEST_DECIMAL;
  }
  private final TreeMap<Long, Long> bins = new TreeMap<>();

  void add(double x) {
    count++;
    min = Math.min(min, x);
    max = Math.max(max, x);
    sum += x;
    while (Math.abs(Math.scalb(x, -exponent)) > 0x1p53) {
      coarsen();
    }
    bins.merge((long) Math.floor(Math.scalb(x, -exponent)), 1L, Long::sum);
    fit();
  }

  void merge(NumberStats other) {
    if (other.count == 0) {
      return;
    }
    count += other.count;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    sum += other.sum;
    while (exponent < other.exponent) {
      coarsen();
    }
    for (Map.Entry<Long, Long> bin : other.bins.entrySet()) {
      bins.merge((long) Math.floor(Math.scalb((double) bin.getKey(), other.exponent - exponent)), bin.getValue(), Long::sum);
    }
    fit();
  }

  private void fit() {
    while (bins.size() > MAX_BINS) {
      coarsen();
    }
  }

  private void coarsen() {
    TreeMap<Long, Long> wider = new TreeMap<>();
    bins.forEach((k, n) -> wider.merge(Math.floorDiv(k, 2L), n, Long::sum));
    bins.clear();
    bins.putAll(wider);
    exponent++;
  }

  long count() {
    return count;
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }

  double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Bins as {from, to, count}, lowest first. */
  List<Map<String, Object>> histogram() {
    List<Map<String, Object>> out = new ArrayList<>();
    bins.forEach((k, n) -> out.add(Map.of("from", Math.scalb((double) k, exponent),
        "to", Math.scalb((double) (k + 1), exponent), "count", n)));
    return out;
  }
}
