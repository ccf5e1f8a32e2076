package io.sluice.synth;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.SluiceMetrics;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/** Builds every record of an index range; a record whose generation fails is dead-lettered, not lost. */
final class GenerateRecordsFn extends DoFn<IndexRange, SynthRecord> {
  private final RecordPlan plan;
  private final TupleTag<SynthRecord> records;
  private final TupleTag<DeadLetter> dead;
  private final Counter generated = Metrics.counter(SluiceMetrics.NAMESPACE, SynthMetrics.GENERATED);
  private transient RecordFactory factory;

  GenerateRecordsFn(RecordPlan plan, TupleTag<SynthRecord> records, TupleTag<DeadLetter> dead) {
    this.plan = plan;
    this.records = records;
    this.dead = dead;
  }

  @Setup
  public void setup() {
    factory = new RecordFactory(plan);
  }

  @ProcessElement
  public void process(@Element IndexRange range, MultiOutputReceiver out) {
    for (long i = range.from(); i < range.to(); i++) {
      generated.inc();
      SynthRecord record;
      try {
        record = factory.toSynthRecord(i, factory.record(i));
      } catch (RuntimeException e) {
        out.get(dead).output(failed(plan.id(i), e));
        continue;
      }
      out.get(records).output(record);
    }
  }

  /** Messages name fields and rules, never generated values, so they are safe to keep. */
  static DeadLetter failed(String id, RuntimeException e) {
    SluiceMetrics.countDeadLetter(SynthMetrics.GENERATION_FAILED);
    return DeadLetters.of(id, null, SynthMetrics.STAGE, SynthMetrics.GENERATION_FAILED,
        e.getClass().getSimpleName() + ": " + e.getMessage(), null);
  }
}
