package io.sluice.models.bench;

import io.sluice.models.ModelResolver;
import io.sluice.models.ModelSpec;
import io.sluice.models.ResolvedModel;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.LoadedEncoder;
import io.sluice.models.runtime.OrtReference;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Encoder throughput, ours (DJL PyTorch) against ONNX Runtime on the same model in the same process, at several
 * batch sizes and sequence lengths. Runs alternate between the two so machine noise hits both alike; the ratio
 * is the number to compare across machines. Usage:
 * {@code EncoderBenchmark [--model all-minilm-l6-v2] [--threads N] [--batches 1,8,32] [--seq 32,128,512]
 * [--seconds 3]}. Thread counts are set before the engines start (ai.djl.pytorch.num_threads; ORT intra-op).
 * With {@code --threads 1} both engines compute on the calling thread, so their thread CPU time per call is
 * printed too: a per-core comparison that other processes on a loaded machine disturb far less than wall time.
 */
public final class EncoderBenchmark {
  private EncoderBenchmark() {}

  public static void main(String[] args) throws Exception {
    String model = option(args, "--model", "all-minilm-l6-v2");
    int threads = Integer.parseInt(option(args, "--threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
    int[] batches = ints(option(args, "--batches", "1,8,32"));
    int[] seqs = ints(option(args, "--seq", "32,128,512"));
    double seconds = Double.parseDouble(option(args, "--seconds", "3"));
    // PyTorch reads its thread counts once, when the engine starts
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

    EmbeddedModel embedded = EmbeddedModel.byId(model).orElseThrow(() -> new IllegalArgumentException(
        "benchmark runs an embedded model (it needs the ONNX file for the reference): " + Arrays.toString(EmbeddedModel.values())));
    ResolvedModel resolved = ModelResolver.resolve(ModelSpec.embedded(model));
    System.out.printf(Locale.ROOT, "model %s (%d layers, hidden %d), threads %d, java %s, %d cpus%n", model,
        resolved.config().numLayers(), resolved.config().hiddenSize(), threads, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    // one intra-op thread: both engines compute on this thread (no row slices, ORT runs on the caller)
    boolean perCore = threads == 1;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.println(perCore
        ? "| batch | seq | ours tokens/s | ORT tokens/s | ours/ORT | ours CPU ms/call | ORT CPU ms/call | ours/ORT (CPU) |"
        : "| batch | seq | ours tokens/s | ORT tokens/s | ours/ORT |");
    System.out.println(perCore ? "|---:|---:|---:|---:|---:|---:|---:|---:|" : "|---:|---:|---:|---:|---:|");
    try (LoadedEncoder ours = LoadedEncoder.create(resolved.config(), resolved.weights(), ai.djl.Device.cpu(),
            ai.djl.ndarray.types.DataType.FLOAT32);
        OrtReference ort = new OrtReference(embedded.onnxBytes(), threads)) {
      Random random = new Random(42);
      for (int batch : batches) {
        for (int seq : seqs) {
          long[][] ids = randomIds(random, batch, seq, resolved.config().vocabSize());
          long[][] mask = new long[batch][seq];
          for (long[] row : mask) {
            Arrays.fill(row, 1);
          }
          // warm-up: first calls allocate and pick kernels
          ours.lastHiddenState(ids, mask);
          ort.lastHiddenState(ids, mask);
          long oursNanos = 0;
          long ortNanos = 0;
          long oursCpu = 0;
          long ortCpu = 0;
          int iterations = 0;
          while (iterations < 2 || (oursNanos + ortNanos) / 1e9 < seconds) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ours.lastHiddenState(ids, mask);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            ort.lastHiddenState(ids, mask);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            oursNanos += t1 - t0;
            ortNanos += t2 - t1;
            oursCpu += c1 - c0;
            ortCpu += c2 - c1;
            iterations++;
          }
          double tokens = (double) batch * seq * iterations;
          double oursRate = tokens / (oursNanos / 1e9);
          double ortRate = tokens / (ortNanos / 1e9);
          System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.2f |", batch, seq, oursRate, ortRate,
              oursRate / ortRate);
          // ratio of rates: ORT's CPU time over ours
          System.out.printf(Locale.ROOT, perCore ? " %.1f | %.1f | %.2f |%n" : "%n", oursCpu / 1e6 / iterations,
              ortCpu / 1e6 / iterations, (double) ortCpu / oursCpu);
        }
      }
    }
    System.out.println("peak RSS (both engines, one process): " + peakRssMb() + " MB");
  }

  /** Random in-vocabulary ids framed by [CLS] (101) and [SEP] (102), like real BERT inputs. */
  private static long[][] randomIds(Random random, int batch, int seq, int vocab) {
    long[][] ids = new long[batch][seq];
    for (long[] row : ids) {
      for (int i = 0; i < seq; i++) {
        row[i] = 1000 + random.nextInt(vocab - 1000);
      }
      row[0] = 101;
      row[seq - 1] = 102;
    }
    return ids;
  }

  static String peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return Long.toString(kb / 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "unknown";
    }
    return "unknown";
  }

  /** The value after {@code name} in args, or fallback; shared by the benchmarks of this package. */
  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static int[] ints(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      out.add(Integer.parseInt(s.trim()));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
