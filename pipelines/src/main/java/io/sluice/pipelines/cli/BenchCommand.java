package io.sluice.pipelines.cli;

import io.sluice.models.bench.EncoderBenchmark;
import io.sluice.pipelines.bench.SweepBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code sluice bench sweep|encoder} (what {@code scripts/bench} runs): throughput benchmarks that print
 * ratios against a reference measured in the same run. Options pass through to each benchmark.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; results and the commands that produced them go in BENCHMARKS.md.",
    subcommands = {BenchCommand.Sweep.class, BenchCommand.Encoder.class})
final class BenchCommand {

  @Command(name = "sweep", mixinStandardHelpOptions = true,
      description = {"Detection + redaction: bare recognizer loop vs DirectRunner vs Spark local[N], one corpus.",
          "Options: --work DIR --documents N (50000) --cores N (2) --seed N --runners direct,spark|none"})
  static final class Sweep implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      SweepBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "encoder", mixinStandardHelpOptions = true,
      description = {"Encoder tokens/s, ours (DJL PyTorch) vs ONNX Runtime on the same model, same process.",
          "Options: --model ID --threads N --batches 1,8,32 --seq 32,128,512 --seconds S"})
  static final class Encoder implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      EncoderBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
