package io.sluice.pipelines.cli;

import io.sluice.extract.ExtractionSchema;
import io.sluice.models.extract.GenerativeSettings;
import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.extract.ExtractJob;
import io.sluice.pipelines.extract.ExtractOptions;
import io.sluice.pipelines.extract.ExtractSummary;
import io.sluice.pipelines.extract.ExtractorChoice;
import io.sluice.pipelines.io.ReadSettings;
import io.sluice.pipelines.runner.RunnerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice extract}: one typed record of an Avro schema per document. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract one typed record per document into the Avro record --schema describes (each field's doc is its",
      "instruction). Values are normalised to the field types (ISO dates, decimal amounts, enums, ...); an optional",
      "field whose value cannot be normalised becomes null and is counted; a document missing a required field goes",
      "to dead_letter/ with the reason. Writes records/ (the schema plus doc_id), dead_letter/ and summary.json under",
      "--output, then prints the reconciliation (read = written + dead-lettered). Each worker (--parallelism) opens",
      "an extractor; the workers of one JVM share the model."
    },
    sortOptions = false)
final class ExtractCommand implements Callable<Integer> {
  @Mixin CorpusOptions corpus;

  @Option(names = "--schema", required = true, paramLabel = "FILE", description = "Avro record schema (.avsc).")
  Path schema;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "span",
      description = "span (a model from 'sluice train extract') or generative (a decoder SLM) (default: ${DEFAULT-VALUE}).")
  ExtractorChoice.Mode mode;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Span model directory, or Hugging Face decoder directory with --mode generative.")
  Path model;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "8",
      description = "Documents extracted together (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--max-new-tokens", paramLabel = "N", defaultValue = "256",
      description = "Generative: most tokens one record's JSON may take (default: ${DEFAULT-VALUE}).")
  int maxNewTokens;

  @Option(names = "--device", defaultValue = "cpu",
      description = "Generative: cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
  String device;

  @Mixin RunnerOptions runnerOptions;

  private final PrintStream out;

  ExtractCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    ExtractSummary summary = ExtractJob.run(toOptions());
    summary.print(out);
    out.println("output: " + corpus.output.toAbsolutePath());
    return summary.reconciled() ? 0 : ConfigErrorHandler.FAILED;
  }

  ExtractOptions toOptions() {
    if (batchSize < 1 || maxNewTokens < 1) {
      throw new ConfigException("--batch-size and --max-new-tokens must be >= 1");
    }
    RunnerSettings runner = runnerOptions.settings();
    ExtractionSchema extraction = readSchema(schema);
    GenerativeSettings generative = new GenerativeSettings(device, maxNewTokens, batchSize);
    return new ExtractOptions(corpus.input, corpus.output, extraction,
        ExtractorChoice.factory(mode, model, extraction, generative), ExtractorChoice.describe(mode, model),
        corpus.inputFormat, corpus.format, corpus.readSettings(ReadSettings.DEFAULT_MAX_DOC_BYTES),
        runner, batchSize, corpus.overwrite);
  }

  /** The schema file read for extraction; shared with {@code sluice eval extract}. */
  static ExtractionSchema readSchema(Path file) {
    try {
      return ExtractionSchema.fromFile(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read --schema " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--schema " + file + ": " + e.getMessage());
    }
  }
}
