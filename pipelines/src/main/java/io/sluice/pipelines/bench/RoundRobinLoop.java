package io.sluice.pipelines.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** The benchmarks' bare loops: items [0, count) split round-robin between threads, timed from start to last item. */
final class RoundRobinLoop {
  private RoundRobinLoop() {}

  /**
   * Seconds {@code threads} threads take to run every item; each thread gets its own worker from {@code worker},
   * called on that thread (a per-thread factory, as workers hold one each, or one shared object).
   */
  static double seconds(int threads, long count, Supplier<LongConsumer> worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          LongConsumer work = worker.get();
          for (long i = first; i < count; i += threads) {
            work.accept(i);
          }
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
      return (System.nanoTime() - started) / 1e9;
    } finally {
      pool.shutdown();
    }
  }
}
