package io.sluice.synth.gate;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;

/**
 * What a DoFn gathers within one bundle per window and {@link Buckets bucket}, handed on when the bundle finishes:
 * one element per (window, bucket) instead of one per value. Runners pay per element between steps (the
 * DirectRunner commits, encodes and groups each one, tens of microseconds), and the gate's largest streams, every
 * n-gram hash and every band key, would otherwise be tens of elements per record.
 *
 * @param <T> the container of one (window, bucket)
 */
final class BundleBuckets<T> {
  /** Receives each non-empty (window, bucket) when the bundle finishes. */
  interface Sink<T> {
    void accept(BoundedWindow window, int bucket, T gathered);
  }

  private final Supplier<T> create;
  private final Map<BoundedWindow, Map<Integer, T>> gathered = new HashMap<>();

  BundleBuckets(Supplier<T> create) {
    this.create = create;
  }

  /** The container of (window, bucket), created on first use. */
  T get(BoundedWindow window, int bucket) {
    return gathered.computeIfAbsent(window, w -> new HashMap<>()).computeIfAbsent(bucket, b -> create.get());
  }

  /** Hands every container to {@code sink} and starts empty again (for the next bundle). */
  void drain(Sink<T> sink) {
    gathered.forEach((window, buckets) -> buckets.forEach((bucket, values) -> sink.accept(window, bucket, values)));
    gathered.clear();
  }
}
