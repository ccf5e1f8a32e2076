package io.sluice.pipelines.cli;

import io.sluice.pipelines.io.InputFormat;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.ReadSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that read a corpus of documents and write one output folder
 * ({@code sluice sweep}, {@code sluice moderate}, {@code sluice extract}): where the documents are and how to
 * read them, where the results go and in which format.
 */
final class CorpusOptions {
  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "JSONL/Parquet/Avro file, glob, or folder of text files.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "Input format: ${COMPLETION-CANDIDATES} (default: from the extension; a folder is text).")
  InputFormat inputFormat;

  @Option(names = "--id-field", paramLabel = "NAME", defaultValue = "id",
      description = "JSON field or column with the document id (default: ${DEFAULT-VALUE}).")
  String idField;

  @Option(names = "--text-field", paramLabel = "NAME", defaultValue = "text",
      description = "JSON field or column with the text (default: ${DEFAULT-VALUE}).")
  String textField;

  @Option(names = "--overwrite", description = "Replace the results of an earlier run in --output.")
  boolean overwrite;

  /** How to read a document, with the size above which one is dead-lettered as too large. */
  ReadSettings readSettings(long maxDocBytes) {
    return new ReadSettings(idField, textField, maxDocBytes);
  }
}
