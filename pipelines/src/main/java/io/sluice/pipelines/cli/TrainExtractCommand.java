package io.sluice.pipelines.cli;

import io.sluice.models.extract.TrainSpanExtractor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice train extract}: trains a span-extraction model for a record schema (see {@link TrainSpanExtractor}). */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Train a span-extraction model (one tag pair per schema field on the embedded encoder) from labelled",
      "documents, hold out a seeded dev split, and write a model directory with its MODEL_CARD.md and dev metrics.",
      "Use it with 'sluice extract --mode span --model DIR'. The SROIE example model in conf/extract/sroie/model was",
      "written by: --schema conf/extract/sroie/receipt.avsc --data sroie_train.jsonl --format sroie (defaults otherwise)."
    },
    sortOptions = false)
final class TrainExtractCommand implements Callable<Integer> {
  @Option(names = "--schema", required = true, paramLabel = "FILE", description = "Avro record schema (.avsc); its field names are the labels.")
  Path schema;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Labelled documents, JSONL: {\"text\": ..., \"fields\": {\"name\": \"value\"}} (or SROIE with --format sroie).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
  Path out;

  @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|sroie", description = "Format of --data (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--dev-fraction", defaultValue = "0.15", paramLabel = "F", description = "Share held out for the dev metrics (default: ${DEFAULT-VALUE}).")
  double devFraction;

  @Option(names = "--seed", defaultValue = "13", description = "Seed of the dev split and of training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--epochs", defaultValue = "20", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--cache", paramLabel = "DIR", description = "Keep encoder states here between runs (optional).")
  Path cache;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--schema", schema.toString(), "--data", data.toString(),
        "--out", out.toString(), "--format", format, "--dev-fraction", String.valueOf(devFraction),
        "--seed", String.valueOf(seed), "--epochs", String.valueOf(epochs)));
    if (cache != null) {
      args.addAll(List.of("--cache", cache.toString()));
    }
    TrainSpanExtractor.main(args.toArray(new String[0]));
    return 0;
  }
}
