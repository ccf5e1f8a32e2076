package io.sluice.pipelines.io;

import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Reads one Avro or Parquet file row by row, whatever its schema. A file that cannot be opened or that
 * breaks midway yields one UNREADABLE_FILE dead letter for what was not read, and the job goes on.
 */
final class RecordFileReadFn<T> extends DoFn<ReadableFile, T> {
  private final RecordFileFormat format;
  private final ReadSettings settings;
  private final ReadOutputs<T> outputs;
  private transient RecordToDocument converter;

  RecordFileReadFn(RecordFileFormat format, ReadSettings settings, ReadOutputs<T> outputs) {
    this.format = format;
    this.settings = settings;
    this.outputs = outputs;
  }

  @Setup
  public void setup() {
    converter = new RecordToDocument(settings);
  }

  @ProcessElement
  public void process(@Element ReadableFile file, MultiOutputReceiver out) {
    String name = file.getMetadata().resourceId().getFilename();
    long row = 0;
    try (RecordFileFormat.RecordStream rows = format.open(file.openSeekable())) {
      for (GenericRecord record = rows.next(); record != null; record = rows.next()) {
        row++;
        RecordToDocument.Converted converted = converter.convert(record, name + ":" + row);
        if (converted.document() != null) {
          outputs.document(out, converted.document());
        } else {
          outputs.deadLetter(out, converted.deadLetter());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Parquet and Avro report corrupt files as runtime exceptions too.
      outputs.deadLetter(out, DeadLetters.of(null, name + ":" + (row + 1), ReadOutputs.STAGE,
          ErrorKinds.UNREADABLE_FILE, "cannot read " + format.name().toLowerCase() + " file after "
              + row + " rows: " + e.getClass().getSimpleName(), null));
    }
  }
}
