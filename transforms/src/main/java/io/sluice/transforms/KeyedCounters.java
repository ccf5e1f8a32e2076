package io.sluice.transforms;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Beam counters named by a prefix and a key ({@code findings.EMAIL_ADDRESS}), made once per key and then reused:
 * counting runs per element or per finding, where building the name and the counter each time is measurable.
 * A counter only names its metric (Beam finds the running step's container when it is incremented), so one
 * instance serves every thread and step. Keys are few (entity types, detectors, error kinds).
 */
public final class KeyedCounters implements Serializable {
  private final String namespace;
  private final String prefix;
  private final Map<String, Counter> byKey = new ConcurrentHashMap<>();

  public KeyedCounters(String namespace, String prefix) {
    this.namespace = namespace;
    this.prefix = prefix;
  }

  /** The counter {@code prefix + key}. */
  public Counter of(String key) {
    Counter counter = byKey.get(key); // the common case, without computeIfAbsent's locking
    return counter != null ? counter : byKey.computeIfAbsent(key, k -> Metrics.counter(namespace, prefix + k));
  }
}
