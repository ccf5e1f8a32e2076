package io.sluice.pipelines.io;

import io.sluice.pipelines.ConfigException;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.TaggedRecords;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.ReadableFileCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Reads any supported input into documents and dead letters. Files are matched, then each file is read
 * by a DoFn that decodes strictly and sends every bad record to the dead letters with a reason, so
 * nothing is dropped or silently altered (Beam's TextIO would replace invalid UTF-8).
 *
 * <p>Avro and Parquet inputs whose first file has no text column fail fast with an
 * {@link ConfigException} naming the columns there are: that is a configuration mistake, not bad
 * data. Later files missing the column dead-letter their rows as WRONG_SCHEMA.
 */
public final class DocumentReaders {
  private DocumentReaders() {}

  /** JSONL files larger than this are read in ranges of about this size by several workers. */
  static final long JSONL_RANGE_BYTES = 16L * 1024 * 1024;

  /** Documents and dead letters as two collections: a two-output step, which Beam's Spark runner caches. */
  public static ReadResult read(Pipeline pipeline, InputSpec input) {
    return read(pipeline, input, JSONL_RANGE_BYTES);
  }

  static ReadResult read(Pipeline pipeline, InputSpec input, long jsonlRangeBytes) {
    PCollectionTuple outputs = read(pipeline, input, ReadOutputs.split(), jsonlRangeBytes);
    return new ReadResult(
        outputs.get(ReadOutputs.DOCUMENTS).setCoder(AvroCoder.of(Document.class)),
        outputs.get(ReadOutputs.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class)));
  }

  /**
   * Documents and dead letters tagged by {@code records} in one collection, for jobs whose steps all take such a
   * collection: a single-output step, which Beam's Spark runner neither caches nor copies.
   */
  public static <T> PCollection<T> readTagged(
      Pipeline pipeline, InputSpec input, TaggedRecords<T> records, Coder<T> coder) {
    ReadOutputs<T> outputs = ReadOutputs.tagged(records);
    return read(pipeline, input, outputs, JSONL_RANGE_BYTES).get(outputs.mainTag()).setCoder(coder);
  }

  private static <T> PCollectionTuple read(
      Pipeline pipeline, InputSpec input, ReadOutputs<T> outputs, long jsonlRangeBytes) {
    // The files matched when the input was resolved, not matched again by the pipeline: FileIO.match() ends in a
    // reshuffle, on Spark one more stage (and its start-up latency) per run before any document is read.
    PCollection<FileIO.ReadableFile> files =
        pipeline
            .apply("InputFiles", Create.of(input.files()).withCoder(MetadataCoderV2.of()))
            .apply("OpenFiles", FileIO.readMatches());
    // Reshuffle the work items so that all workers read, whichever bundles the files came in.
    return input.format() == InputFormat.JSONL
        ? files
            .apply("SplitLines", ParDo.of(new SplitLinesFn(jsonlRangeBytes)))
            .setCoder(KvCoder.of(ReadableFileCoder.of(), SerializableCoder.of(LineRange.class)))
            .apply("SpreadRanges", Reshuffle.viaRandomKey())
            .apply("ReadRecords", ParDo.of(new JsonlReadFn<>(input.settings(), outputs))
                .withOutputTags(outputs.mainTag(), outputs.additionalTags()))
        : files
            .apply("SpreadFiles", Reshuffle.viaRandomKey())
            .apply("ReadRecords", ParDo.of(readerFor(input, outputs))
                .withOutputTags(outputs.mainTag(), outputs.additionalTags()));
  }

  private static <T> DoFn<FileIO.ReadableFile, T> readerFor(InputSpec input, ReadOutputs<T> outputs) {
    return switch (input.format()) {
      case JSONL -> throw new IllegalArgumentException("JSONL files are read by line range, not by JsonlReadFn per file");
      case TEXT -> new TextFileReadFn<>(input.settings(), input.baseDirectory(), outputs);
      case AVRO -> recordReader(RecordFileFormat.AVRO, input, outputs);
      case PARQUET -> recordReader(RecordFileFormat.PARQUET, input, outputs);
    };
  }

  private static <T> DoFn<FileIO.ReadableFile, T> recordReader(
      RecordFileFormat format, InputSpec input, ReadOutputs<T> outputs) {
    requireTextColumn(format, input);
    return new RecordFileReadFn<>(format, input.settings(), outputs);
  }

  private static void requireTextColumn(RecordFileFormat format, InputSpec input) {
    String file = input.firstFile().resourceId().toString();
    Schema schema;
    try (SeekableByteChannel channel =
        (SeekableByteChannel) FileSystems.open(input.firstFile().resourceId())) {
      schema = format.schema(channel);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("cannot read the schema of " + file + " as "
          + format.name().toLowerCase() + ": " + e.getClass().getSimpleName() + "; check --input-format");
    }
    String textField = input.settings().textField();
    if (schema.getType() != Schema.Type.RECORD) {
      throw new ConfigException(file + " holds " + schema.getType() + " values, not records with columns");
    }
    if (schema.getField(textField) == null) {
      String columns = schema.getFields().stream().map(Schema.Field::name).collect(Collectors.joining(", "));
      throw new ConfigException("column '" + textField + "' not found in " + file
          + " (columns: " + columns + "): pass the text column with --text-field");
    }
  }
}
