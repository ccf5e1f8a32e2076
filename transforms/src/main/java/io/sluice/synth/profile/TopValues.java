package io.sluice.synth.profile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent values of a text field within bounded memory (the Space-Saving sketch: when full, the least
 * counted value is replaced and its count inherited). Counts are exact while fewer than {@link #CAPACITY}
 * distinct values were seen ({@link #exact()}); after that, frequent values keep counts that are upper bounds.
 */
final class TopValues implements Serializable {
  static final int CAPACITY = 1000;
  /** Longer values (generated texts) are profiled by their first characters. */
  static final int MAX_VALUE_CHARS = 120;

  private final Map<String, Long> counts = new HashMap<>();
  private boolean evicted;

  void add(String value, long count) {
    String key = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
    Long existing = counts.get(key);
    if (existing != null || counts.size() < CAPACITY) {
      counts.merge(key, count, Long::sum);
      return;
    }
    evicted = true;
    String smallest = smallest();
    long inherited = counts.remove(smallest);
    counts.put(key, inherited + count);
  }

  void merge(TopValues other) {
    evicted |= other.evicted;
    other.counts.forEach(this::add);
  }

  boolean exact() {
    return !evicted;
  }

  int distinctTracked() {
    return counts.size();
  }

  /** The {@code n} most counted values, most first (ties by value, so the order is stable). */
  Map<String, Long> top(int n) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> top = new LinkedHashMap<>();
    entries.stream().limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private String smallest() {
    return counts.entrySet().stream()
        .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .orElseThrow().getKey();
  }
}
