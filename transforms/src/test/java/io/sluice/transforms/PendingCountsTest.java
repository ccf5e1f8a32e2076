package io.sluice.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

/** Counts summed per bundle reach the job's metrics as if every element had incremented them. */
class PendingCountsTest {
  private static final Counter WORDS = Metrics.counter("test", "words");
  private static final Counter CHARS = Metrics.counter("test", "chars");

  /** Counts words and their chars, committing at the end of each bundle (the way the sweep counts). */
  private static final class CountPerBundle extends DoFn<String, String> {
    private transient PendingCounts counts;

    @StartBundle
    public void start() {
      counts = new PendingCounts();
    }

    @ProcessElement
    public void process(@Element String word) {
      counts.add(WORDS, 1);
      counts.add(CHARS, word.length());
    }

    @FinishBundle
    public void finish() {
      counts.commit();
      counts.commit(); // a second commit adds nothing
    }
  }

  @Test
  void committedSumsAreTheJobsCounts() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    pipeline.apply(Create.of(List.of("one", "two", "three", "four", "five"))).apply(ParDo.of(new CountPerBundle()));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertEquals(5, counter(result, "words"));
    assertEquals(3 + 3 + 5 + 4 + 4, counter(result, "chars"));
  }

  private static long counter(PipelineResult result, String name) {
    return CounterTotals.of(result.metrics(), "test").getOrDefault(name, 0L);
  }
}
