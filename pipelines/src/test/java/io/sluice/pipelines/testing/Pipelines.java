package io.sluice.pipelines.testing;

import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** A DirectRunner pipeline for PAssert tests (TestPipeline is a JUnit 4 rule; these tests are JUnit 5). */
public final class Pipelines {
  private Pipelines() {}

  public static Pipeline direct() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    return Pipeline.create(options);
  }
}
