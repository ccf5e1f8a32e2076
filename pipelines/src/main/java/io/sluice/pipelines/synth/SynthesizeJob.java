package io.sluice.pipelines.synth;

import io.sluice.generate.GenerateMetrics;
import io.sluice.pipelines.io.DocumentReaders;
import io.sluice.pipelines.io.InputSpec;
import io.sluice.pipelines.io.ReadResult;
import io.sluice.pipelines.io.ReadSettings;
import io.sluice.pipelines.io.RecordWriters;
import io.sluice.pipelines.runner.PipelineRun;
import io.sluice.pipelines.runner.RunnerKind;
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
import io.sluice.synth.SynthMetrics;
import io.sluice.synth.SynthMode;
import io.sluice.synth.SynthSpec;
import io.sluice.synth.SynthesisResult;
import io.sluice.synth.deid.DeidentifiedCopies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
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
  /** De-identified copies have hash indices and no count known in advance: they go to this many parts. */
  static final long DEID_PARTS = 8;

  private SynthesizeJob() {}

  public static SynthSummary run(SynthOptions options) {
    LoadedSpec loaded = LoadedSpec.load(options);
    SynthSpec spec = loaded.spec();
    RecordPlan plan = spec.plan() == null || options.seed() == null ? spec.plan() : spec.plan().withSeed(options.seed());
    OutputLayout out = new OutputLayout(options.output().toAbsolutePath());
    out.prepare(options.overwrite());

    Pipeline pipeline = Pipeline.create(pipelineOptions(options));
    Generated generated = generate(pipeline, options, loaded, plan);
    PCollection<SynthRecord> counted = generated.records()
        .apply("Progress", ParDo.of(new ProgressFn()))
        .setCoder(AvroCoder.of(SynthRecord.class));
    GateStep.Gated gated = GateStep.apply(loaded.gate(), counted);
    boolean deid = spec.mode() == SynthMode.DEID;
    gated.accepted()
        .apply("WriteRecords", new WriteSortedParts(deid ? DeidentifiedCopies.OUTPUT_SCHEMA.toString() : plan.schemaJson(),
            options.format(), out.records().toString(),
            deid ? PartLayout.ofHashes(DEID_PARTS) : PartLayout.ofCount(options.count(), spec.recordsPerFile())))
        .apply("StageFieldProfile", TextIO.write().to(out.staging().resolve(FIELDS_FILE).toString()).withoutSharding());
    PCollection<DeadLetter> dead = PCollectionList.of(generated.deadLetters()).and(gated.deadLetters())
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("CountDeadLetters", ParDo.of(new CountWritten.DeadLetters()))
        .setCoder(AvroCoder.of(DeadLetter.class));
    RecordWriters.write(dead, DeadLetter.class, DeadLetter.getClassSchema(), options.format(),
        out.deadLetters().toString());

    PipelineRun run = PipelineRun.untilDone(pipeline, JOB, () -> options.progressEvery() == null ? null
        : ProgressReporter.start(options.progressEvery(), System.err, "records generated", "records"));
    try {
      PipelineResult result = run.result();
      SynthSummary summary = summary(options, spec, plan, JobCounts.of(result), generation(spec, result),
          GateStep.statistics(result),
          Files.readString(out.staging().resolve(FIELDS_FILE), StandardCharsets.UTF_8), run.startedAt(),
          run.elapsed().toMillis());
      out.finish(List.of(out.records(), out.deadLetters()));
      summary.write(out.summary());
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the summary to " + out.root(), e);
    }
  }

  /**
   * The runner's options, with Spark's caching back on: unlike the sweep, the gate reads its accepted records twice
   * (the writer, and its n-gram statistics), and without a cache Spark would generate every record twice, doubling
   * the work and the generation counters the reconciliation reads.
   */
  private static PipelineOptions pipelineOptions(SynthOptions options) {
    PipelineOptions pipelineOptions = options.runner().toPipelineOptions("sluice-" + JOB);
    if (options.runner().kind() == RunnerKind.SPARK) {
      pipelineOptions.as(SparkPipelineOptions.class).setCacheDisabled(false);
    }
    return pipelineOptions;
  }

  /** Generated (or de-identified) records on their way to the gate, and the records that failed before it. */
  private record Generated(PCollection<SynthRecord> records, PCollection<DeadLetter> deadLetters) {}

  private static Generated generate(Pipeline pipeline, SynthOptions options, LoadedSpec loaded, RecordPlan plan) {
    SynthSpec spec = loaded.spec();
    PBegin begin = PBegin.in(pipeline);
    SynthesisResult generated = switch (spec.mode()) {
      case SCHEMA -> begin.apply("GenerateRecords", GenerateRecords.of(plan, options.count()));
      case SLM -> begin.apply("GenerateTexts", GenerateTexts.of(plan, spec.slm(), options.count()));
      case DEID -> null;
    };
    if (generated != null) {
      return new Generated(generated.records(), generated.deadLetters());
    }
    // every input record is counted as read (documents and unreadable records alike): the reconciliation's "generated"
    ReadResult read = DocumentReaders.read(pipeline, InputSpec.resolve(options.input(), null, ReadSettings.defaults()));
    DeidentifiedCopies.Result copies = read.documents().apply("DeidentifiedCopies", DeidentifiedCopies.with(loaded.deid()));
    return new Generated(copies.records(),
        PCollectionList.of(read.deadLetters()).and(copies.deadLetters()).apply("DeidDeadLetters", Flatten.pCollections()));
  }

  private static SynthSummary summary(SynthOptions options, SynthSpec spec, RecordPlan plan, JobCounts counts,
      Map<String, Long> generation, Map<String, Object> gate, String fieldsJson, Instant startedAt, long elapsedMs) throws IOException {
    boolean deid = spec.mode() == SynthMode.DEID;
    long generated = counts.get(deid ? JobMetrics.RECORDS_READ : SynthMetrics.GENERATED);
    long written = counts.get(JobMetrics.RECORDS_WRITTEN);
    long dead = counts.get(JobMetrics.DEAD_LETTERS_WRITTEN);
    return new SynthSummary(JOB, options.spec().toString(), spec.mode().name().toLowerCase(Locale.ROOT),
        options.runner().kind().name().toLowerCase(Locale.ROOT), options.format().name().toLowerCase(Locale.ROOT),
        options.output().toString(), deid ? 0 : plan.seed(), deid ? generated : options.count(), startedAt.toString(),
        elapsedMs, generated, written, dead, generated == written + dead && (deid || generated == options.count()),
        generated == 0 ? 0 : (double) written / generated, counts.withPrefix(JobMetrics.DEAD_LETTERS_BY_KIND), gate,
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(fieldsJson), generation);
  }

  /**
   * Mode slm: the model's prompt and generated tokens, and the milliseconds it spent decoding (the sum of the
   * Generate step's batch times), so tokens/s can be read with and without the rest of the job.
   */
  private static Map<String, Long> generation(SynthSpec spec, PipelineResult result) {
    if (spec.mode() != SynthMode.SLM) {
      return Map.of();
    }
    JobCounts counts = JobCounts.of(result);
    long decodeMs = 0;
    MetricQueryResults batches = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(JobMetrics.NAMESPACE, GenerateMetrics.BATCH_MS)).build());
    for (MetricResult<DistributionResult> batch : batches.getDistributions()) {
      if (batch.getAttempted() != null) {
        decodeMs += batch.getAttempted().getSum();
      }
    }
    Map<String, Long> tokens = new LinkedHashMap<>();
    tokens.put(SynthSummary.PROMPT_TOKENS, counts.get(GenerateMetrics.PROMPT_TOKENS));
    tokens.put(SynthSummary.GENERATED_TOKENS, counts.get(GenerateMetrics.GENERATED_TOKENS));
    tokens.put(SynthSummary.DECODE_MS, decodeMs);
    return tokens;
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
