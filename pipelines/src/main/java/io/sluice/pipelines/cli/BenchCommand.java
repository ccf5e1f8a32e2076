package io.sluice.pipelines.cli;

import io.sluice.models.bench.DecoderBenchmark;
import io.sluice.models.bench.EncoderBenchmark;
import io.sluice.models.bench.SpanExtractionBenchmark;
import io.sluice.models.bench.GenerativeExtractionBenchmark;
import io.sluice.pii.ner.NerSweepBenchmark;
import io.sluice.pipelines.bench.SlmSynthBenchmark;
import io.sluice.pipelines.bench.SweepBenchmark;
import io.sluice.pipelines.bench.SynthBenchmark;
import io.sluice.synth.gate.GateBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code sluice bench sweep|encoder|ner|decoder|extract-span|extract-generative|gate|synth|synth-slm} (what {@code scripts/bench} runs): throughput benchmarks that print
 * ratios against a reference measured in the same run. Options pass through to each benchmark.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; results and the commands that produced them go in BENCHMARKS.md.",
    subcommands = {BenchCommand.Sweep.class, BenchCommand.Encoder.class, BenchCommand.Ner.class,
        BenchCommand.Decoder.class, BenchCommand.ExtractSpan.class,
        BenchCommand.ExtractGenerative.class, BenchCommand.Gate.class, BenchCommand.Synth.class,
        BenchCommand.SynthSlm.class})
final class BenchCommand {

  @Command(name = "sweep", mixinStandardHelpOptions = true,
      description = {"Detection + redaction: bare recognizer loop vs DirectRunner vs Spark local[N], one corpus.",
          "Options: --work DIR --documents N (50000) --cores N (2) --seed N --runners direct,spark|none",
          "         --policy FILE --patterns-only (leave out model recognizers such as slm-ner)"})
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

  @Command(name = "ner", mixinStandardHelpOptions = true,
      description = {"Sweep analyzer tokens/s with the slm-ner recognizer on vs patterns only, generated documents.",
          "Arguments: [documents (400)] [bundle (64)]; PyTorch threads: -Dai.djl.pytorch.num_threads in SLUICE_JAVA_OPTS"})
  static final class Ner implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      NerSweepBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "decoder", mixinStandardHelpOptions = true,
      description = {"Generated tokens/s of a random SmolLM2-135M-shaped decoder, as a fraction of measured matmul",
          "GFLOP/s; JSON-Schema-constrained vs free decoding. Options: --threads N (2) --batches 1,8,32",
          "--new-tokens N (32) --prompt-tokens N (16) --constrained-batch 1,8,32 --rounds N (2) --device cpu|gpu"})
  static final class Decoder implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      DecoderBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "extract-span", mixinStandardHelpOptions = true,
      description = {"Span-mode extraction documents/s vs the bare encoder pass over the same documents.",
          "Options: --data FILE (required) --format sroie|jsonl --model DIR (conf/extract/sroie/model)",
          "         --documents N (200) --bundle N (32) --threads N (2) --rounds N (2)"})
  static final class ExtractSpan implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      SpanExtractionBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "gate", mixinStandardHelpOptions = true,
      description = {"Synthesis gate CPU µs per record: each part alone (one thread), then the whole gate on the",
          "DirectRunner. Options: --records N (100000) --source N (10000) --policy FILE --with-models",
          "--runner direct|none --threshold T (0.8) --shingle N (5) --spec FILE (records from a schema spec)"})
  static final class Gate implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      GateBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "synth", mixinStandardHelpOptions = true,
      description = {"Schema-record synthesis records/s: bare generation loop vs DirectRunner vs Spark local[N].",
          "Options: --spec FILE (conf/synth/transactions.yaml) --records N (1000000) --cores N (2)",
          "         --runners direct,spark|none --work DIR --format parquet|jsonl|avro"})
  static final class Synth implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      SynthBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "synth-slm", mixinStandardHelpOptions = true,
      description = {"SLM-text synthesis (mode slm) tokens/s and records/s through sluice synthesize on a random",
          "SmolLM2-135M-shaped decoder, against the bare Generator on the same prompts. Options: --spec FILE",
          "(conf/synth/product-reviews-slm.yaml) --records N (16) --new-tokens N --batch N --threads N (2) --cores N (2)"})
  static final class SynthSlm implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      SlmSynthBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "extract-generative", mixinStandardHelpOptions = true,
      description = {"Generative extraction records/s and tokens/s on a random SmolLM2-135M-shaped decoder, against free",
          "decoding of the same prompts. Options: --documents FILE (conf/extract/receipts.jsonl) --schema FILE",
          "(conf/extract/receipt.avsc) --records N (16) --batch N (8) --new-tokens N (96) --threads N (2) --rounds N (2)"})
  static final class ExtractGenerative implements Callable<Integer> {
    @Unmatched List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      GenerativeExtractionBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
