package io.sluice.synth;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.SluiceMetrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A DoFn that builds records of a {@link RecordPlan} by index (one {@link RecordFactory} per instance) and sends
 * a record whose building fails to the dead letters instead of losing it.
 */
abstract class PlannedRecordsFn<InputT> extends DoFn<InputT, SynthRecord> {
  protected final RecordPlan plan;
  protected final TupleTag<SynthRecord> records;
  protected final TupleTag<DeadLetter> dead;
  protected transient RecordFactory factory;

  PlannedRecordsFn(RecordPlan plan, TupleTag<SynthRecord> records, TupleTag<DeadLetter> dead) {
    this.plan = plan;
    this.records = records;
    this.dead = dead;
  }

  @Setup
  public void setup() {
    factory = new RecordFactory(plan);
  }

  /** Messages name fields and rules, never generated values, so they are safe to keep. */
  static DeadLetter failed(String id, RuntimeException e) {
    SluiceMetrics.countDeadLetter(SynthMetrics.GENERATION_FAILED);
    return DeadLetters.of(id, null, SynthMetrics.STAGE, SynthMetrics.GENERATION_FAILED,
        e.getClass().getSimpleName() + ": " + e.getMessage(), null);
  }
}
