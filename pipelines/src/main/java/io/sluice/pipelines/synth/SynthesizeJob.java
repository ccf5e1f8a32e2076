package io.sluice.pipelines.synth;

import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.io.RecordWriters;
import io.sluice.pipelines.summary.CountWritten;
import io.sluice.pipelines.summary.JobCounts;
import io.sluice.pipelines.summary.JobMetrics;
import io.sluice.pipelines.summary.ProgressReporter;
import io.sluice.pipelines.summary.ProgressTracker;
import io.sluice.pipelines.sweep.OutputLayout;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.GenerateRecords;
import io.sluice.synth.GenerateTexts;
import io.sluice.synth.RecordPlan;
import io.sluice.synth.SpecException;
import io.sluice.synth.SpecLoader;
import io.sluice.synth.SynthMetrics;
import io.sluice.synth.SynthMode;
import io.sluice.synth.SynthSpec;
import io.sluice.synth.SynthesisResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * {@code sluice synthesize}: generate (schema records or SLM texts), gate, write. Records go to {@code records/}
 * in index order ({@link WriteSortedParts}), rejected and failed ones to {@code dead_letter/}; the run reconciles
 * generated = written + dead-lettered and writes {@code summary.json}.
 */
public final class SynthesizeJob {
  static final String JOB = "synthesize";
  static final String FIELDS_FILE = "fields.json";

  private SynthesizeJob() {}

  public static SynthSummary run(SynthOptions options) {
    SynthSpec spec = load(options);
    if (options.count() < 0) {
      throw new ConfigException("--count must be >= 0");
    }
    RecordPlan plan = options.seed() == null ? spec.plan() : spec.plan().withSeed(options.seed());
    OutputLayout out = new OutputLayout(options.output().toAbsolutePath());
    out.prepare(options.overwrite());

    Pipeline pipeline = Pipeline.create(options.runner().toPipelineOptions("sluice-" + JOB));
    PBegin begin = PBegin.in(pipeline);
    SynthesisResult generated = spec.mode() == SynthMode.SLM
        ? begin.apply("GenerateTexts", GenerateTexts.of(plan, spec.slm(), options.count()))
        : begin.apply("GenerateRecords", GenerateRecords.of(plan, options.count()));
    PCollection<SynthRecord> counted = generated.records()
        .apply("Progress", ParDo.of(new ProgressFn()))
        .setCoder(AvroCoder.of(SynthRecord.class));
    GateStep.Gated gated = GateStep.apply(spec, counted);
    gated.accepted()
        .apply("WriteRecords", new WriteSortedParts(plan.schemaJson(), options.format(), out.records().toString(),
            spec.recordsPerFile(), options.count()))
        .apply("StageFieldProfile", TextIO.write().to(out.staging().resolve(FIELDS_FILE).toString()).withoutSharding());
    PCollection<DeadLetter> dead = PCollectionList.of(generated.deadLetters()).and(gated.deadLetters())
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("CountDeadLetters", ParDo.of(new CountWritten.DeadLetters()))
        .setCoder(AvroCoder.of(DeadLetter.class));
    RecordWriters.write(dead, DeadLetter.class, DeadLetter.getClassSchema(), options.format(),
        out.deadLetters().toString());

    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    PipelineResult result;
    try (ProgressReporter ignored = options.progressEvery() == null ? null
        : ProgressReporter.start(options.progressEvery(), System.err, "records generated", "records")) {
      result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the " + JOB + " pipeline ended in state " + state);
      }
    }
    long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
    try {
      SynthSummary summary = summary(options, spec, plan, JobCounts.of(result), GateStep.statistics(result),
          Files.readString(out.staging().resolve(FIELDS_FILE), StandardCharsets.UTF_8), startedAt, elapsedMs);
      out.finish(List.of(out.records(), out.deadLetters()));
      summary.write(out.summary());
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the summary to " + out.root(), e);
    }
  }

  private static SynthSpec load(SynthOptions options) {
    try {
      return SpecLoader.load(options.spec());
    } catch (SpecException e) {
      throw new ConfigException("spec " + options.spec() + ": " + e.getMessage());
    }
  }

  private static SynthSummary summary(SynthOptions options, SynthSpec spec, RecordPlan plan, JobCounts counts,
      java.util.Map<String, Object> gate, String fieldsJson, Instant startedAt, long elapsedMs) throws IOException {
    long generated = counts.get(SynthMetrics.GENERATED);
    long written = counts.get(JobMetrics.RECORDS_WRITTEN);
    long dead = counts.get(JobMetrics.DEAD_LETTERS_WRITTEN);
    return new SynthSummary(JOB, options.spec().toString(), spec.mode().name().toLowerCase(Locale.ROOT),
        options.runner().kind().name().toLowerCase(Locale.ROOT), options.format().name().toLowerCase(Locale.ROOT),
        options.output().toString(), plan.seed(), options.count(), startedAt.toString(), elapsedMs, generated, written,
        dead, generated == written + dead && generated == options.count(),
        generated == 0 ? 0 : (double) written / generated, counts.withPrefix(JobMetrics.DEAD_LETTERS_BY_KIND), gate,
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(fieldsJson));
  }

  /** Advances the progress line (records generated in this JVM). */
  private static final class ProgressFn extends DoFn<SynthRecord, SynthRecord> {
    @ProcessElement
    public void process(@Element SynthRecord record, OutputReceiver<SynthRecord> out) {
      ProgressTracker.documentDone();
      out.output(record);
    }
  }
}
