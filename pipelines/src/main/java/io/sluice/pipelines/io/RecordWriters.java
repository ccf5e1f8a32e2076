package io.sluice.pipelines.io;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes Avro records into a folder of part files ({@code part-00000-of-00004.parquet}, ...) with Beam's
 * file sinks, which write temporary files and rename them when the bundle commits, so a failed job
 * leaves no half-written parts.
 */
public final class RecordWriters {
  /**
   * Columns whose values are (nearly) all distinct, which Parquet writes plain: whole documents and raw inputs, and
   * ids and sources, distinct per document (a finding's doc_id repeats only over that document's findings). A
   * dictionary of them only costs a hash and compare of every value until it overflows, then a rewrite of the page
   * as plain values; snappy still compresses the repeats of a doc_id.
   */
  private static final List<String> DISTINCT_VALUE_COLUMNS = List.of("text", "raw", "id", "doc_id", "record_id", "source");

  private RecordWriters() {}

  /**
   * A sink for records of a schema known only at run time (synthesis writes the spec's schema). Same formats as
   * {@link #write}; the Avro container's sync marker is fixed, so equal records give equal bytes in every format.
   */
  public static FileIO.Sink<GenericRecord> genericSink(Schema schema, OutputFormat format) {
    return switch (format) {
      case PARQUET -> new ParquetRecordSink<>(schema, DISTINCT_VALUE_COLUMNS);
      case AVRO -> new DeterministicAvroSink(schema);
      case JSONL -> new JsonlRecordSink();
    };
  }

  /**
   * @param folder output folder for this kind of record, e.g. {@code out/documents}
   */
  public static <T extends SpecificRecordBase> WriteFilesResult<Void> write(
      PCollection<T> records, Class<T> type, Schema schema, OutputFormat format, String folder) {
    FileIO.Write<Void, T> write =
        switch (format) {
          case PARQUET -> FileIO.<T>write().via(new ParquetRecordSink<>(schema, DISTINCT_VALUE_COLUMNS));
          case AVRO -> FileIO.<T>write().via(AvroIO.sink(type));
          case JSONL -> FileIO.<T>write().via(Contextful.fn(JsonRecords::toJson), TextIO.sink());
        };
    // Named after the record type so a job writing several kinds keeps stable, unique step names.
    return records.apply("Write" + type.getSimpleName(), write.to(folder).withPrefix("part").withSuffix(format.suffix()));
  }

  /** Records of a schema known only at run time (e.g. a user's extraction schema), written under step {@code name}. */
  public static WriteFilesResult<Void> writeGeneric(
      PCollection<GenericRecord> records, Schema schema, OutputFormat format, String folder, String name) {
    FileIO.Write<Void, GenericRecord> write = FileIO.<GenericRecord>write().via(genericSink(schema, format));
    return records.apply(name, write.to(folder).withPrefix("part").withSuffix(format.suffix()));
  }
}
