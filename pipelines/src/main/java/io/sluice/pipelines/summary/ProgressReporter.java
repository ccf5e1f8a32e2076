package io.sluice.pipelines.summary;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints documents (or other items) done, rate and elapsed time every few seconds while a job runs. */
public final class ProgressReporter implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final long startNanos = System.nanoTime();
  private final PrintStream out;
  private final String what;
  private final String unit;

  private ProgressReporter(Duration every, PrintStream out, String what, String unit) {
    this.out = out;
    this.what = what;
    this.unit = unit;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "sluice-progress");
      thread.setDaemon(true);
      return thread;
    });
    long millis = every.toMillis();
    timer.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Starts printing to {@code out}; close it when the job ends. */
  public static ProgressReporter start(Duration every, PrintStream out) {
    return start(every, out, "documents written", "docs");
  }

  /** As above, naming what is counted and its rate unit ("records generated", "records"). */
  public static ProgressReporter start(Duration every, PrintStream out, String what, String unit) {
    ProgressTracker.reset();
    return new ProgressReporter(every, out, what, unit);
  }

  private void print() {
    out.println(line(ProgressTracker.documentsDone(), System.nanoTime() - startNanos, what, unit));
  }

  static String line(long documents, long elapsedNanos) {
    return line(documents, elapsedNanos, "documents written", "docs");
  }

  static String line(long items, long elapsedNanos, String what, String unit) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-9);
    return String.format(Locale.ROOT, "progress: %,d %s, %,.0f %s/s, elapsed %s",
        items, what, items / seconds, unit, formatElapsed(elapsedNanos));
  }

  static String formatElapsed(long nanos) {
    long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      // A line being printed finishes before the summary is printed, not in the middle of it.
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
