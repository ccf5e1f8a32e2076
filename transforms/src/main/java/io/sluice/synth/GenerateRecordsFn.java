package io.sluice.synth;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.SluiceMetrics;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.TupleTag;

/** Builds every record of an index range; a record whose generation fails is dead-lettered, not lost. */
final class GenerateRecordsFn extends PlannedRecordsFn<IndexRange> {
  private final Counter generated = Metrics.counter(SluiceMetrics.NAMESPACE, SynthMetrics.GENERATED);

  GenerateRecordsFn(RecordPlan plan, TupleTag<SynthRecord> records, TupleTag<DeadLetter> dead) {
    super(plan, records, dead);
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
}
