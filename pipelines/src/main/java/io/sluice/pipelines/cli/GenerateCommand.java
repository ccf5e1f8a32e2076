package io.sluice.pipelines.cli;

import io.sluice.models.decoder.DecoderCheckpoint;
import io.sluice.models.generate.GenerationParams;
import io.sluice.models.generate.constrained.AvroJsonSchema;
import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.generate.GenerateJob;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice generate}: text (or schema-shaped JSON) for every prompt, with a decoder model directory. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Generate a continuation for every prompt with a Hugging Face decoder directory (Llama, SmolLM2,",
        "Qwen2/2.5/3). Prompts: JSONL {\"id\", \"prompt\"} (or \"messages\"), optional \"seed\". Writes",
        "generations/ and dead_letter/ (JSONL) under --output. Sampling defaults come from the model's",
        "generation_config.json; the options below override them."})
final class GenerateCommand implements Callable<Integer> {
  private final PrintStream out;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (config.json, *.safetensors, tokenizer.json).")
  Path model;

  @Option(names = "--prompts", required = true, paramLabel = "FILE", description = "Prompts JSONL.")
  Path prompts;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder (must not hold results).")
  Path output;

  @Option(names = "--schema", paramLabel = "FILE", description = "JSON Schema (.json) or Avro schema (.avsc) every output must satisfy.")
  Path schema;

  @Option(names = "--attempts", defaultValue = "3", description = "Tries per record when --schema is given (default: ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--max-new-tokens", description = "Tokens to generate at most (default: the model's, else 256).")
  Integer maxNewTokens;

  @Option(names = "--temperature", description = "Sample at this temperature (0: greedy).")
  Double temperature;

  @Option(names = "--top-k", defaultValue = "0", description = "With --temperature: keep the k most likely tokens (0: all).")
  int topK;

  @Option(names = "--top-p", defaultValue = "1.0", description = "With --temperature: nucleus mass to keep (default: ${DEFAULT-VALUE}).")
  double topP;

  @Option(names = "--repetition-penalty", description = "Penalty for tokens already in the sequence (1: none).")
  Double repetitionPenalty;

  @Option(names = "--stop", paramLabel = "TEXT", description = "A stop string (repeatable); the output is cut before it.")
  List<String> stops = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "0", description = "Seed of records without their own (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch-size", defaultValue = "8", description = "Sequences generated together (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--workers", defaultValue = "1", description = "DirectRunner threads; each shares the one loaded model (default: ${DEFAULT-VALUE}).")
  int workers;

  GenerateCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    String schemaJson = null;
    if (schema != null) {
      try {
        // an Avro record schema (.avsc) becomes the equivalent JSON Schema
        schemaJson = schema.getFileName().toString().endsWith(".avsc")
            ? AvroJsonSchema.fromAvsc(schema) : Files.readString(schema);
      } catch (IOException | RuntimeException e) {
        throw new ConfigException("cannot read --schema " + schema + ": " + e.getMessage());
      }
    }
    GenerationParams params = overrides();
    boolean reconciled = new GenerateJob(model, prompts, output, schemaJson, attempts, params, batchSize, seed, device,
        workers).run(out);
    return reconciled ? 0 : ConfigErrorHandler.FAILED;
  }

  /** The model's defaults with the given options applied, or null when no option overrides them. */
  private GenerationParams overrides() {
    if (maxNewTokens == null && temperature == null && repetitionPenalty == null && stops.isEmpty()) {
      return null;
    }
    GenerationParams p;
    try {
      p = GenerationParams.fromGenerationConfig(DecoderCheckpoint.readGenerationConfig(model));
      if (maxNewTokens != null) {
        p = p.withMaxNewTokens(maxNewTokens);
      }
      if (temperature != null) {
        p = temperature == 0 ? p.greedyDecoding() : p.sampling(temperature, topK, topP);
      }
      if (repetitionPenalty != null) {
        p = p.withRepetitionPenalty(repetitionPenalty);
      }
      if (!stops.isEmpty()) {
        p = p.withStops(Set.copyOf(p.stopTokens()), stops);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    return p;
  }
}
