package io.sluice.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * For the benchmarks: the process's CPU time and the JIT compilers' time since {@link #start}: on a shared machine wall time is not
 * ours, and JIT time during a measurement says it was not yet in the steady state.
 */
public final class ProcessClock {
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final long cpuNanos;
  private final long jitMillis;

  private ProcessClock(long cpuNanos, long jitMillis) {
    this.cpuNanos = cpuNanos;
    this.jitMillis = jitMillis;
  }

  public static ProcessClock start() {
    return new ProcessClock(processCpuNanos(), jitMillis());
  }

  /** CPU seconds of every thread of the process (GC and JIT included) since the start. */
  public double cpuSeconds() {
    return (processCpuNanos() - cpuNanos) / 1e9;
  }

  /** Seconds the JIT compilers spent compiling since the start (0 where the JVM does not report it). */
  public double jitSeconds() {
    return (jitMillis() - jitMillis) / 1e3;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
  }
}
