package io.sluice.pipelines.sweep;

import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.RecordWriters;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes every kind of sweep record with one file sink, each kind into its folder as part files
 * ({@code documents/part-00000-of-00002.parquet}, ...); top-document candidates are staged as JSONL. One sink
 * instead of one per kind: on Spark each sink is several jobs (write, gather the results, finalize).
 */
final class SweepSink implements FileIO.Sink<SweepRecord> {
  private static final String PREFIX = "part";

  private final FileIO.Sink<GenericRecord> records;

  private SweepSink(SweepOutput kind, OutputFormat format) {
    this.records = RecordWriters.genericSink(kind.schema(), formatOf(kind, format));
  }

  /** Adds the sink to the pipeline: {@code records} go into the folders of {@code out}. */
  static void write(PCollection<SweepRecord> records, OutputFormat format, OutputLayout out) {
    Map<SweepOutput, String> folders = new EnumMap<>(SweepOutput.class);
    for (SweepOutput kind : SweepOutput.WRITTEN) {
      folders.put(kind, out.root().relativize(kind.folder(out)).toString());
    }
    // Destinations are the kinds' names: Beam needs a deterministic coder for them.
    records.apply("WriteOutputs", FileIO.<String, SweepRecord>writeDynamic()
        .by(record -> record.kind().name())
        .withDestinationCoder(StringUtf8Coder.of())
        .via(Contextful.fn(kind -> new SweepSink(SweepOutput.valueOf(kind), format)))
        .to(out.root().toString())
        // Beam's default is a folder in the output root, which it empties but leaves; staging is removed at the end.
        .withTempDirectory(out.staging().resolve("temp").toString())
        .withNaming(kind -> FileIO.Write.defaultNaming(folders.get(SweepOutput.valueOf(kind)) + "/" + PREFIX,
            suffix(SweepOutput.valueOf(kind), format)))
        .withEmptyGlobalWindowDestination(SweepOutput.DOCUMENT.name())
        // A bundle holds at most one writer per kind (a handful), never the 20 at which Beam would spill records to
        // a GroupByKey and write them in a second pass: without that path the sink is one Spark job fewer per run.
        .withNoSpilling());
  }

  private static OutputFormat formatOf(SweepOutput kind, OutputFormat format) {
    return kind == SweepOutput.TOP_DOCUMENT ? OutputFormat.JSONL : format;
  }

  private static String suffix(SweepOutput kind, OutputFormat format) {
    return formatOf(kind, format).suffix();
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    records.open(channel);
  }

  @Override
  public void write(SweepRecord element) throws IOException {
    records.write(element.record());
  }

  @Override
  public void flush() throws IOException {
    records.flush();
  }
}
