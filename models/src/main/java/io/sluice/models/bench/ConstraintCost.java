package io.sluice.models.bench;

import io.sluice.models.generate.GenerationRequest;
import io.sluice.models.generate.GenerationResult;
import io.sluice.models.generate.Generator;
import io.sluice.models.generate.JsonOutputCheck;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What JSON-Schema constraints cost in generation throughput at one batch size. Free decoding is given, per request,
 * exactly as many tokens as the constrained run generated for the same prompt: both arms then do the same model work
 * (same prefill, same number of steps, the same sequences finishing at the same steps), so the difference between
 * them is the constraint's own work. Against free decoding run to a fixed budget instead, constrained documents end
 * at different lengths, which thins the batch towards the end and spreads the prefill over fewer tokens: costs of
 * output length, not of constraining. Arms alternate their order from round to round and are timed both in wall
 * seconds and in process CPU seconds (all threads, PyTorch's included), the latter less disturbed by other
 * processes on a shared machine.
 */
final class ConstraintCost {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Tokens generated and the wall and CPU seconds it took, summed over rounds. */
  private record Arm(long tokens, double wallSeconds, double cpuSeconds) {
    static final Arm NONE = new Arm(0, 0, 0);

    Arm plus(Arm other) {
      return new Arm(tokens + other.tokens, wallSeconds + other.wallSeconds, cpuSeconds + other.cpuSeconds);
    }

    double perWallSecond() {
      return tokens / wallSeconds;
    }

    double perCpuSecond() {
      return tokens / cpuSeconds;
    }
  }

  private record Timed(Arm arm, List<GenerationResult> results) {}

  private ConstraintCost() {}

  static void printHeader() {
    System.out.println("| batch | requests | constrained tokens/s | free tokens/s (same lengths) | wall ratio"
        + " | constrained tokens per CPU s | free tokens per CPU s | CPU ratio | constraint's share of CPU"
        + " | complete documents | load average |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  }

  /**
   * Runs {@code rounds} rounds of both arms and prints one table row. The constrained requests carry a
   * {@link CpuTimedConstraints} factory ({@code timer}); the first constrained output is returned for display.
   */
  static GenerationResult measureRow(Generator generator, int batch, List<GenerationRequest> constrained,
      CpuTimedConstraints timer, int rounds) {
    double loadBefore = OS.getSystemLoadAverage();
    List<GenerationRequest> free = null;
    Arm constrainedArm = Arm.NONE;
    Arm freeArm = Arm.NONE;
    double constraintCpu = 0;
    int complete = 0;
    GenerationResult first = null;
    for (int round = 0; round < rounds; round++) {
      boolean constrainedFirst = round % 2 == 0; // round 0 runs it first: free needs its lengths
      for (int turn = 0; turn < 2; turn++) {
        if ((turn == 0) != constrainedFirst) {
          freeArm = freeArm.plus(timed(generator, free).arm());
          continue;
        }
        timer.reset();
        Timed run = timed(generator, constrained);
        constrainedArm = constrainedArm.plus(run.arm());
        constraintCpu += timer.cpuSeconds();
        for (GenerationResult g : run.results()) {
          boolean parses = g.finish() == GenerationResult.FinishReason.STOP
              && new JsonOutputCheck(null).problem(g.text()) == null;
          complete += parses ? 1 : 0;
        }
        if (free == null) {
          free = sameLengths(constrained, run.results());
          first = run.results().get(0);
        }
      }
    }
    System.out.printf(Locale.ROOT,
        "| %d | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %.2f%% | %d of %d | %.1f-%.1f |%n", batch, constrained.size(), constrainedArm.perWallSecond(), freeArm.perWallSecond(),
        constrainedArm.perWallSecond() / freeArm.perWallSecond(), constrainedArm.perCpuSecond(),
        freeArm.perCpuSecond(), constrainedArm.perCpuSecond() / freeArm.perCpuSecond(),
        100 * constraintCpu / constrainedArm.cpuSeconds(), complete, rounds * constrained.size(), loadBefore,
        OS.getSystemLoadAverage());
    return first;
  }

  /** Unconstrained copies of the requests, each limited to the tokens its constrained run generated. */
  private static List<GenerationRequest> sameLengths(List<GenerationRequest> constrained,
      List<GenerationResult> results) {
    List<GenerationRequest> free = new ArrayList<>();
    for (int i = 0; i < constrained.size(); i++) {
      GenerationRequest r = constrained.get(i);
      int tokens = Math.max(1, results.get(i).generatedTokens());
      free.add(new GenerationRequest(r.id(), r.promptIds(), r.params().withMaxNewTokens(tokens), null));
    }
    return free;
  }

  private static Timed timed(Generator generator, List<GenerationRequest> requests) {
    long cpuStart = OS.getProcessCpuTime();
    long start = System.nanoTime();
    List<GenerationResult> results = generator.generate(requests);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e9;
    long tokens = results.stream().mapToLong(GenerationResult::generatedTokens).sum();
    return new Timed(new Arm(tokens, seconds, cpu), results);
  }
}
