package io.sluice.synth;

import io.sluice.generate.GenerationPrompt;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/** The prompt of every record of an index range: its fields generated, then a prompt template filled from them. */
final class PromptsFn extends DoFn<IndexRange, GenerationPrompt> {
  private final RecordPlan plan;
  private final SlmSettings slm;
  private final Counter generated = Metrics.counter(io.sluice.transforms.SluiceMetrics.NAMESPACE, SynthMetrics.GENERATED);
  private transient RecordFactory factory;

  PromptsFn(RecordPlan plan, SlmSettings slm) {
    this.plan = plan;
    this.slm = slm;
  }

  @Setup
  public void setup() {
    factory = new RecordFactory(plan);
  }

  @ProcessElement
  public void process(@Element IndexRange range, OutputReceiver<GenerationPrompt> out) {
    for (long i = range.from(); i < range.to(); i++) {
      generated.inc();
      out.output(GenerateTexts.prompt(factory, plan, slm, i));
    }
  }
}
