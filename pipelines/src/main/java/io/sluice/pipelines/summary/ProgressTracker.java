package io.sluice.pipelines.summary;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Documents finished in this JVM. DoFns running in the driver's JVM (DirectRunner, embedded Spark
 * {@code local[*]}, embedded Flink) add to it and {@link ProgressReporter} prints it; on a cluster the
 * workers count in their own JVMs and the driver prints nothing, which is why the summary uses metrics.
 */
public final class ProgressTracker {
  private static final AtomicLong DOCUMENTS = new AtomicLong();

  private ProgressTracker() {}

  public static void documentDone() {
    DOCUMENTS.incrementAndGet();
  }

  public static long documentsDone() {
    return DOCUMENTS.get();
  }

  /** Called when a job starts, so each run counts from zero. */
  public static void reset() {
    DOCUMENTS.set(0);
  }
}
