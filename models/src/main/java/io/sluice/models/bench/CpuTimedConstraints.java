package io.sluice.models.bench;

import io.sluice.models.generate.ConstraintFactory;
import io.sluice.models.generate.LogitsConstraint;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a constraint factory and sums the thread CPU time its constraints spend masking and accepting tokens: the
 * part of a constrained generation's work that free decoding does not have. Thread CPU time, not wall time, so that
 * other processes on a shared machine do not count.
 */
final class CpuTimedConstraints implements ConstraintFactory {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final ConstraintFactory delegate;
  private final AtomicLong nanos = new AtomicLong();

  CpuTimedConstraints(ConstraintFactory delegate) {
    this.delegate = delegate;
  }

  /** CPU seconds spent inside the constraints since the last reset. */
  double cpuSeconds() {
    return nanos.get() / 1e9;
  }

  void reset() {
    nanos.set(0);
  }

  @Override
  public LogitsConstraint newConstraint() {
    long start = THREADS.getCurrentThreadCpuTime();
    LogitsConstraint constraint = delegate.newConstraint();
    nanos.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
    return new LogitsConstraint() {
      @Override
      public void maskLogits(float[] logits) {
        long t = THREADS.getCurrentThreadCpuTime();
        constraint.maskLogits(logits);
        nanos.addAndGet(THREADS.getCurrentThreadCpuTime() - t);
      }

      @Override
      public void accept(int tokenId) {
        long t = THREADS.getCurrentThreadCpuTime();
        constraint.accept(tokenId);
        nanos.addAndGet(THREADS.getCurrentThreadCpuTime() - t);
      }

      @Override
      public boolean isComplete() {
        return constraint.isComplete();
      }
    };
  }
}
