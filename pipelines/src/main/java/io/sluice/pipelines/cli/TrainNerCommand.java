package io.sluice.pipelines.cli;

import io.sluice.models.ner.TrainNer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice train ner}: trains the PII NER head (see {@link TrainNer}). */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = {
      "Train the PERSON/LOCATION/ORGANIZATION/STREET_ADDRESS tagger on the public NER data under --data",
      "and generated documents, and write a model directory with its MODEL_CARD.md and metrics.",
      "The defaults reproduce the model shipped with Sluice."
    },
    sortOptions = false)
final class TrainNerCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The shared data folder (ner/, resumes/, eval/).")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
  Path out;

  @Option(names = "--seed", defaultValue = "13", description = "Seed for sampling, generation and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--epochs", defaultValue = "6", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--generated", defaultValue = "2000", description = "Generated training documents (default: ${DEFAULT-VALUE}).")
  int generated;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--out", out.toString(),
        "--seed", String.valueOf(seed), "--epochs", String.valueOf(epochs), "--generated", String.valueOf(generated)));
    TrainNer.main(args.toArray(new String[0]));
    return 0;
  }
}
