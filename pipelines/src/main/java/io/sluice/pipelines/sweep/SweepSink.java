package io.sluice.pipelines.sweep;

import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.RecordWriters;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes every kind of sweep record into its folder as part files ({@code documents/part-00000-of-00002.parquet},
 * ...); top-document candidates are staged as JSONL. Each bundle writes the records it holds to temporary files in
 * the staging folder, one per kind, and names them in its output; one combine gathers those names and one commit
 * step moves them to their final names. Only files a finished bundle reported reach the commit, so a retried
 * bundle's first attempt leaves nothing but temporary files, removed with the staging folder.
 *
 * <p>Beam's {@code FileIO.writeDynamic} does the same work, but gathers the file names through three reshuffles and
 * commits in a job of its own: on Spark four stages after the main one, about 0.17 s of a 4 s sweep of 100 MB. Here
 * the gathering is a global combine (on Spark an aggregate inside the main job) and the commit a single small task.
 */
final class SweepSink {
  private SweepSink() {}

  /** Adds the sink to the pipeline: {@code records} go into the folders of {@code out}. */
  static void write(PCollection<SweepRecord> records, OutputFormat format, OutputLayout out) {
    EnumMap<SweepOutput, String> folders = new EnumMap<>(SweepOutput.class);
    for (SweepOutput kind : SweepOutput.WRITTEN) {
      folders.put(kind, kind.folder(out).toString());
    }
    records
        .apply("WriteTemporaryFiles", ParDo.of(new WriteBundleFn(format, out.staging().resolve("temp").toString())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("GatherFileNames", Combine.globally(new GatherFileNames()))
        .apply("Commit", ParDo.of(new CommitFn(format, folders)));
  }

  private static OutputFormat formatOf(SweepOutput kind, OutputFormat format) {
    return kind == SweepOutput.TOP_DOCUMENT ? OutputFormat.JSONL : format;
  }

  /** Writes a bundle's records, one temporary file per kind; outputs (kind, temporary file) when the bundle ends. */
  static final class WriteBundleFn extends DoFn<SweepRecord, KV<String, String>> {
    private final OutputFormat format;
    private final String temporaryFolder;
    private transient Map<SweepOutput, OpenFile> open;

    WriteBundleFn(OutputFormat format, String temporaryFolder) {
      this.format = format;
      this.temporaryFolder = temporaryFolder;
    }

    @StartBundle
    public void startBundle() {
      open = new EnumMap<>(SweepOutput.class);
    }

    @ProcessElement
    public void process(@Element SweepRecord record) throws IOException {
      OpenFile file = open.get(record.kind());
      if (file == null) {
        file = OpenFile.create(record.kind(), format, temporaryFile(record.kind()));
        open.put(record.kind(), file);
      }
      file.sink.write(record.record());
    }

    /** A new file in the temporary folder, uniquely named: attempts of one bundle may run side by side. */
    private ResourceId temporaryFile(SweepOutput kind) {
      return FileSystems.matchNewResource(temporaryFolder, true)
          .resolve(UUID.randomUUID() + formatOf(kind, format).suffix(), StandardResolveOptions.RESOLVE_FILE);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws IOException {
      for (OpenFile file : open.values()) {
        file.close();
        context.output(KV.of(file.kind.name(), file.resource.toString()), GlobalWindow.INSTANCE.maxTimestamp(),
            GlobalWindow.INSTANCE);
      }
      open.clear();
    }

    /** A bundle that failed leaves its files open: closed here, left in staging, never committed. */
    @Teardown
    public void teardown() {
      if (open == null) {
        return;
      }
      for (OpenFile file : open.values()) {
        try {
          file.channel.close();
        } catch (IOException e) {
          // The attempt already failed with its own error; this file is discarded with the staging folder.
        }
      }
      open.clear();
    }
  }

  /** A file being written with the sink of its kind: a bundle's temporary file, or the commit's empty one. */
  private record OpenFile(SweepOutput kind, ResourceId resource, WritableByteChannel channel,
      FileIO.Sink<GenericRecord> sink) {

    static OpenFile create(SweepOutput kind, OutputFormat format, ResourceId resource) throws IOException {
      WritableByteChannel channel = FileSystems.create(resource, MimeTypes.BINARY);
      FileIO.Sink<GenericRecord> sink = RecordWriters.genericSink(kind.schema(), formatOf(kind, format));
      sink.open(channel);
      return new OpenFile(kind, resource, channel, sink);
    }

    void close() throws IOException {
      sink.flush();
      channel.close();
    }
  }

  /** All bundles' (kind, temporary file) pairs as one list: the commit's single input. */
  static final class GatherFileNames
      extends Combine.CombineFn<KV<String, String>, List<KV<String, String>>, List<KV<String, String>>> {
    @Override
    public List<KV<String, String>> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<KV<String, String>> addInput(List<KV<String, String>> files, KV<String, String> file) {
      files.add(file);
      return files;
    }

    @Override
    public List<KV<String, String>> mergeAccumulators(Iterable<List<KV<String, String>>> lists) {
      List<KV<String, String>> merged = new ArrayList<>();
      lists.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<KV<String, String>> extractOutput(List<KV<String, String>> files) {
      return files;
    }
  }

  /**
   * Moves each kind's temporary files to {@code part-NNNNN-of-MMMMM} in its folder. A run that wrote nothing still
   * gets one empty documents file, so readers of {@code documents/} find a valid (empty) table. Safe to repeat: a
   * file already moved by an earlier attempt of this step is skipped.
   */
  static final class CommitFn extends DoFn<List<KV<String, String>>, Void> {
    private final OutputFormat format;
    private final EnumMap<SweepOutput, String> folders;

    CommitFn(OutputFormat format, EnumMap<SweepOutput, String> folders) {
      this.format = format;
      this.folders = folders;
    }

    @ProcessElement
    public void process(@Element List<KV<String, String>> files) throws IOException {
      Map<SweepOutput, List<String>> byKind = new EnumMap<>(SweepOutput.class);
      for (KV<String, String> file : files) {
        byKind.computeIfAbsent(SweepOutput.valueOf(file.getKey()), kind -> new ArrayList<>()).add(file.getValue());
      }
      if (byKind.isEmpty()) {
        writeEmpty(SweepOutput.DOCUMENT);
        return;
      }
      for (Map.Entry<SweepOutput, List<String>> kind : byKind.entrySet()) {
        commit(kind.getKey(), kind.getValue().stream().sorted().toList());
      }
    }

    private void commit(SweepOutput kind, List<String> temporary) throws IOException {
      List<ResourceId> from = new ArrayList<>();
      List<ResourceId> to = new ArrayList<>();
      for (int shard = 0; shard < temporary.size(); shard++) {
        from.add(FileSystems.matchNewResource(temporary.get(shard), false));
        to.add(partFile(kind, shard, temporary.size()));
      }
      FileSystems.rename(from, to, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }

    private void writeEmpty(SweepOutput kind) throws IOException {
      OpenFile.create(kind, format, partFile(kind, 0, 1)).close();
    }

    private ResourceId partFile(SweepOutput kind, int shard, int shards) {
      String name = formatOf(kind, format).partFileName(shard, shards);
      return FileSystems.matchNewResource(folders.get(kind), true).resolve(name, StandardResolveOptions.RESOLVE_FILE);
    }
  }
}
