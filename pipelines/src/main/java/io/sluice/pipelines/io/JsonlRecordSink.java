package io.sluice.pipelines.io;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;

/** Records as JSON lines, through Beam's text sink: the same lines {@link RecordWriters} writes for JSONL. */
final class JsonlRecordSink implements FileIO.Sink<GenericRecord> {
  private final TextIO.Sink lines = TextIO.sink();

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    lines.open(channel);
  }

  @Override
  public void write(GenericRecord record) throws IOException {
    lines.write(JsonRecords.toJson(record));
  }

  @Override
  public void flush() throws IOException {
    lines.flush();
  }
}
