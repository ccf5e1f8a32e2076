package io.sluice.pipelines.sweep;

import io.sluice.pipelines.io.DocumentReaders;
import io.sluice.pipelines.io.InputSpec;
import io.sluice.pipelines.io.OutputFormat;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * The sweep's graph: read, process (the {@link SweepStage}), count, write, as one collection of tagged records
 * ({@link SweepRecord}) from the reader to the sink. Every output, whichever step made it, goes through one counting
 * step ({@link CountAndRankFn}) into one sink ({@link SweepSink}), which is what makes
 * {@code read = written + dead-lettered} checkable, and keeps each collection of the graph to one consumer:
 * Spark recomputes a collection for every extra consumer (see RunnerSettings), caches the output of every step
 * with several outputs, and runs every sink as several jobs.
 */
final class SweepPipeline {
  static final int TOP_DOCUMENTS = 10;

  private SweepPipeline() {}

  /** Returns whether the stage moderated (and so wrote quarantine/ and moderation/). */
  static boolean build(Pipeline pipeline, InputSpec input, SweepStage stage, OutputFormat format, OutputLayout out) {
    PCollection<SweepRecord> read =
        DocumentReaders.readTagged(pipeline, input, SweepRecords.TAGGING, new SweepRecordCoder());
    StageRecords processed = stage.applyToRecords(read);
    PCollection<SweepRecord> counted = processed.records()
        .apply("CountAndRank", ParDo.of(new CountAndRankFn(TOP_DOCUMENTS)))
        .setCoder(new SweepRecordCoder());
    SweepSink.write(counted, format, out);
    return processed.moderated();
  }
}
