package io.sluice.pipelines.sweep;

import io.sluice.pipelines.io.InputSpec;
import io.sluice.pipelines.io.JsonRecords;
import io.sluice.pipelines.report.HtmlReport;
import io.sluice.pipelines.runner.PipelineRun;
import io.sluice.pipelines.summary.JobCounts;
import io.sluice.pipelines.summary.ProgressReporter;
import io.sluice.pipelines.summary.TopDocumentsFile;
import io.sluice.schemas.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs a sweep end to end and returns its summary, also written to {@code summary.json}. Blocks until
 * the pipeline finishes; fails with {@link io.sluice.pipelines.ConfigException} before starting
 * when the input or output is misconfigured, and with {@link IllegalStateException} when the pipeline
 * does not finish successfully.
 */
public final class SweepJob {
  static final String JOB = "sweep";

  private SweepJob() {}

  /**
   * Runs {@code stage} between the readers and the writers; writes summary.json and report.html.
   * {@link PiiSweep#run} is the governance sweep built on this.
   */
  public static RunSummary run(SweepOptions options, SweepStage stage) {
    InputSpec input = InputSpec.resolve(options.input(), options.inputFormat(), options.readSettings());
    OutputLayout out = new OutputLayout(options.output().toAbsolutePath());
    out.prepare(options.overwrite());

    Pipeline pipeline = Pipeline.create(options.runner().toPipelineOptions("sluice-" + JOB));
    boolean moderated = SweepPipeline.build(pipeline, input, stage, options.format(), out);

    PipelineRun run = PipelineRun.untilDone(pipeline, JOB, () -> options.progressEvery() == null ? null
        : ProgressReporter.start(options.progressEvery(), System.err));
    PipelineResult result = run.result();
    Instant startedAt = run.startedAt();
    long elapsedMs = run.elapsed().toMillis();
    try {
      RunSummary summary = RunSummaries.of(JOB, options, JobCounts.of(result), startedAt, elapsedMs,
          TopDocumentsFile.read(SweepOutput.TOP_DOCUMENT.folder(out).resolve("*").toString(),
              SweepPipeline.TOP_DOCUMENTS));
      out.finish(moderated);
      Files.writeString(out.summary(), JsonRecords.toPrettyJson(summary) + "\n", StandardCharsets.UTF_8);
      HtmlReport.write(summary, out.report());
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the summary to " + out.root(), e);
    }
  }
}
