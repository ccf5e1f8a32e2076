package io.sluice.pipelines.extract;

import io.sluice.extract.ExtractionSchema;
import io.sluice.models.extract.FieldExtractorFactory;
import io.sluice.pipelines.io.InputFormat;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.ReadSettings;
import io.sluice.pipelines.runner.RunnerSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything an extraction job needs, as the CLI gives it.
 *
 * @param input file, glob or folder (any input the sweep reads)
 * @param output folder that receives records/, dead_letter/ and summary.json
 * @param extractorName what the summary calls the extractor, e.g. "generative:/models/qwen"
 * @param inputFormat null to detect from the input path
 * @param batchDocuments documents handed to the extractor together
 */
public record ExtractOptions(
    String input,
    Path output,
    ExtractionSchema schema,
    FieldExtractorFactory extractors,
    String extractorName,
    InputFormat inputFormat,
    OutputFormat format,
    ReadSettings readSettings,
    RunnerSettings runner,
    int batchDocuments,
    boolean overwrite) {

  public ExtractOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(extractors, "extractors");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(readSettings, "readSettings");
    Objects.requireNonNull(runner, "runner");
  }
}
