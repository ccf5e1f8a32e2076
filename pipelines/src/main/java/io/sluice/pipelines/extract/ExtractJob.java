package io.sluice.pipelines.extract;

import io.sluice.extract.Extract;
import io.sluice.extract.ExtractMetrics;
import io.sluice.pipelines.io.DocumentReaders;
import io.sluice.pipelines.io.InputSpec;
import io.sluice.pipelines.io.ReadResult;
import io.sluice.pipelines.io.RecordWriters;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.PipelineRun;
import io.sluice.pipelines.summary.CountWritten;
import io.sluice.pipelines.summary.JobCounts;
import io.sluice.pipelines.summary.JobMetrics;
import io.sluice.pipelines.sweep.OutputLayout;
import io.sluice.schemas.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * {@code sluice extract}: read documents (any input the sweep reads), extract one typed record per document, write
 * {@code records/} (the user's schema plus doc_id) and {@code dead_letter/}, and {@code summary.json} with the
 * reconciliation (read = written + dead-lettered) and the optional fields nulled because their value could not be
 * normalised. Fails with {@link io.sluice.pipelines.ConfigException} before starting when the input or output is
 * misconfigured.
 */
public final class ExtractJob {
  static final String JOB = "extract";

  private ExtractJob() {}

  public static ExtractSummary run(ExtractOptions options) {
    InputSpec input = InputSpec.resolve(options.input(), options.inputFormat(), options.readSettings());
    OutputLayout out = new OutputLayout(options.output().toAbsolutePath());
    out.prepare(options.overwrite());

    Pipeline pipeline = Pipeline.create(options.runner().toPipelineOptions("sluice-" + JOB));
    build(pipeline, input, options, out);
    PipelineRun run = PipelineRun.untilDone(pipeline, JOB);
    JobCounts counts = JobCounts.of(run.result());
    ExtractSummary summary = new ExtractSummary(options.input(), options.schema().output().getFullName(),
        options.extractorName(), counts.get(JobMetrics.RECORDS_READ), counts.get(JobMetrics.RECORDS_WRITTEN),
        counts.get(JobMetrics.DEAD_LETTERS_WRITTEN), counts.withPrefix(ExtractMetrics.FIELDS_NULLED_PREFIX),
        counts.withPrefix(JobMetrics.DEAD_LETTERS_BY_KIND), run.elapsed().toMillis());
    try {
      Files.createDirectories(out.records());
      Files.createDirectories(out.deadLetters());
      Files.writeString(out.summary(), summary.toJson() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the summary to " + out.root(), e);
    }
    return summary;
  }

  private static void build(Pipeline pipeline, InputSpec input, ExtractOptions options, OutputLayout out) {
    ReadResult read = DocumentReaders.read(pipeline, input);
    Extract.Result extracted = read.documents().apply("Extract",
        Extract.with(options.schema(), options.extractors()).withBatchLimits(options.batchDocuments(), 1 << 20));
    PCollection<GenericRecord> records = extracted.records()
        .apply("CountRecords", ParDo.of(new CountWritten.Records()))
        .setCoder(AvroCoder.of(options.schema().output()));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(read.deadLetters()).and(extracted.deadLetters())
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("CountDeadLetters", ParDo.of(new CountWritten.DeadLetters()))
        .setCoder(AvroCoder.of(DeadLetter.class));
    OutputFormat format = options.format();
    RecordWriters.writeGeneric(records, options.schema().output(), format, out.records().toString(), "WriteRecords");
    RecordWriters.write(deadLetters, DeadLetter.class, DeadLetter.getClassSchema(), format,
        out.deadLetters().toString());
  }
}
