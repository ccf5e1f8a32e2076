package io.sluice.pipelines.synth;

import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.RecordWriters;
import io.sluice.pipelines.summary.JobMetrics;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.PayloadReader;
import io.sluice.synth.profile.ProfileRecordsFn;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes synthesized records so that the output bytes depend on the spec, seed and count only, never on the runner
 * or its parallelism: part {@code k} ({@code part-0000k-of-0000n.parquet}) holds the accepted records whose index
 * {@link PartLayout} assigns to it (for generated records [k * perFile, (k + 1) * perFile)), sorted by index, so the
 * parts read in name order are the records in index order.
 * Beam's file sinks name and fill parts by bundle, which is why this groups by part and writes each part itself:
 * to a temporary file, renamed into place when complete. A retried part rewrites the same name with the same
 * bytes, so retries are harmless. A part whose every record was rejected is not written.
 *
 * <p>The same step profiles the records it writes (per-field value distributions, as JSON): the records then
 * have one consumer, which Spark, whose caching is off (see RunnerSettings), would otherwise generate twice.
 */
final class WriteSortedParts extends PTransform<PCollection<SynthRecord>, PCollection<String>> {
  private final String schemaJson;
  private final OutputFormat format;
  private final String folder;
  private final PartLayout layout;

  WriteSortedParts(String schemaJson, OutputFormat format, String folder, PartLayout layout) {
    this.schemaJson = schemaJson;
    this.format = format;
    this.folder = folder;
    this.layout = layout;
  }

  @Override
  public PCollection<String> expand(PCollection<SynthRecord> records) {
    PartLayout parts = layout;
    ProfileRecordsFn profile = new ProfileRecordsFn(schemaJson);
    return records
        .apply("KeyByPart", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptor.of(SynthRecord.class)))
            .via(r -> KV.of(parts.part(r.getIndex()), r)))
        .setCoder(KvCoder.of(VarLongCoder.of(), AvroCoder.of(SynthRecord.class)))
        .apply("GroupByPart", GroupByKey.create())
        .apply("WritePart", ParDo.of(new WritePartFn(this, profile)))
        .setCoder(SerializableCoder.of(ProfileRecordsFn.Profiles.class))
        .apply("MergeProfiles", Combine.globally(new MergeProfilesFn(profile)));
  }

  String partName(long part) {
    return format.partFileName(part, layout.parts());
  }

  /** Writes one part; outputs the profile of its records. */
  private static final class WritePartFn extends DoFn<KV<Long, Iterable<SynthRecord>>, ProfileRecordsFn.Profiles> {
    private final WriteSortedParts write;
    private final ProfileRecordsFn profile;
    private final Counter written = Metrics.counter(JobMetrics.NAMESPACE, JobMetrics.RECORDS_WRITTEN);
    private transient PayloadReader reader;

    WritePartFn(WriteSortedParts write, ProfileRecordsFn profile) {
      this.write = write;
      this.profile = profile;
    }

    @Setup
    public void setup() {
      reader = new PayloadReader(write.schemaJson);
    }

    @ProcessElement
    public void process(@Element KV<Long, Iterable<SynthRecord>> part, OutputReceiver<ProfileRecordsFn.Profiles> out)
        throws IOException {
      List<SynthRecord> records = new ArrayList<>();
      part.getValue().forEach(records::add);
      records.sort(Comparator.comparingLong(SynthRecord::getIndex));
      ResourceId dir = FileSystems.matchNewResource(write.folder, true);
      String name = write.partName(part.getKey());
      ResourceId temp = dir.resolve(".temp-" + name + "-" + UUID.randomUUID(), ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      FileIO.Sink<GenericRecord> sink = RecordWriters.genericSink(reader.schema(), write.format);
      try (WritableByteChannel channel = FileSystems.create(temp, "application/octet-stream")) {
        sink.open(channel);
        for (SynthRecord record : records) {
          sink.write(reader.read(record));
        }
        sink.flush();
      }
      FileSystems.rename(List.of(temp), List.of(dir.resolve(name, ResolveOptions.StandardResolveOptions.RESOLVE_FILE)),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      written.inc(records.size());
      ProfileRecordsFn.Profiles profiles = profile.createAccumulator();
      records.forEach(r -> profile.addInput(profiles, r));
      out.output(profiles);
    }
  }
}
