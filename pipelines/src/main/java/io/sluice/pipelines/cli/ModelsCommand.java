package io.sluice.pipelines.cli;

import io.sluice.models.cli.ModelsCommandSupport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice models list|info|verify}: what models are available and whether they load and run. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "List, describe and verify the models Sluice can run (all offline).")
final class ModelsCommand {

  private final PrintStream out;

  ModelsCommand(PrintStream out) {
    this.out = out;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Embedded models (and whether their jars are present) and the model specs in --specs.")
  int list(
      @Option(names = "--specs", paramLabel = "DIR", defaultValue = "conf/models",
          description = "Folder of model spec *.json files (default: ${DEFAULT-VALUE}).") Path specs)
      throws IOException {
    out.print(ModelsCommandSupport.list(ModelsCommandSupport.readSpecs(specs)));
    return 0;
  }

  @Command(name = "info", mixinStandardHelpOptions = true,
      description = "Architecture, parameters, weight files, sha256 and head of a model, without loading it.")
  int info(@Parameters(paramLabel = "MODEL", description = ModelDescriptions.REFERENCE) String model) {
    out.print(ModelsCommandSupport.info(ModelReference.parse(model, null)));
    return 0;
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Checks digests and weights, loads the model and runs one inference; exit 1 on a problem.")
  int verify(
      @Parameters(paramLabel = "MODEL", description = ModelDescriptions.REFERENCE) String model,
      @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu, gpu:N or auto (default: the spec's).")
          String device) {
    out.print(ModelsCommandSupport.verify(ModelReference.parse(model, device)));
    return 0;
  }

  /** Shared option texts. */
  static final class ModelDescriptions {
    static final String REFERENCE =
        "Embedded model id (all-minilm-l6-v2, bge-small-en-v1.5), model spec .json, .onnx file or model directory.";

    private ModelDescriptions() {}
  }
}
