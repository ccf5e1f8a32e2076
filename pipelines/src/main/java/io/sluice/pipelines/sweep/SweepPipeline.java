package io.sluice.pipelines.sweep;

import io.sluice.pipelines.io.DocumentReaders;
import io.sluice.pipelines.io.InputSpec;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.ReadResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The sweep's graph: read, process (the {@link SweepStage}), count, write. Every output, whichever step made it,
 * goes through one counting step ({@link CountAndRankFn}) into one sink ({@link SweepSink}), which is what makes
 * {@code read = written + dead-lettered} checkable, and keeps each collection of the graph to one consumer:
 * Spark recomputes a collection for every extra consumer (see RunnerSettings) and runs every sink as several jobs.
 */
final class SweepPipeline {
  static final int TOP_DOCUMENTS = 10;

  private SweepPipeline() {}

  /** Returns whether the stage moderated (and so wrote quarantine/ and moderation/). */
  static boolean build(Pipeline pipeline, InputSpec input, SweepStage stage, OutputFormat format, OutputLayout out) {
    ReadResult read = DocumentReaders.read(pipeline, input);
    StageResult processed = stage.apply(read.documents());

    List<PCollection<SweepRecord>> outputs = new ArrayList<>();
    outputs.add(tagged(processed.documents(), SweepOutput.DOCUMENT));
    outputs.add(tagged(processed.findings(), SweepOutput.FINDING));
    outputs.add(tagged(read.deadLetters(), SweepOutput.DEAD_LETTER, "Read"));
    outputs.add(tagged(processed.deadLetters(), SweepOutput.DEAD_LETTER, "Stage"));
    if (processed.moderated()) {
      outputs.add(tagged(processed.quarantined(), SweepOutput.QUARANTINED));
      outputs.add(tagged(processed.moderation(), SweepOutput.MODERATION));
    }
    PCollection<SweepRecord> counted = PCollectionList.of(outputs)
        .apply("AllOutputs", Flatten.pCollections())
        .apply("CountAndRank", ParDo.of(new CountAndRankFn(TOP_DOCUMENTS)))
        .setCoder(new SweepRecordCoder());
    SweepSink.write(counted, format, out);
    return processed.moderated();
  }

  private static <T extends SpecificRecordBase> PCollection<SweepRecord> tagged(
      PCollection<T> records, SweepOutput kind) {
    return tagged(records, kind, "");
  }

  private static <T extends SpecificRecordBase> PCollection<SweepRecord> tagged(
      PCollection<T> records, SweepOutput kind, String from) {
    return records
        .apply("Tag" + from + kind.type().getSimpleName(), MapElements.into(TypeDescriptor.of(SweepRecord.class))
            .via((T record) -> new SweepRecord(kind, record)))
        .setCoder(new SweepRecordCoder());
  }
}
