package io.sluice.synth;

import io.sluice.generate.Generation;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Puts a generated text into its record. The record's other fields are rebuilt from its index rather than carried
 * through the model step: they are a function of (seed, index), and rebuilding is cheaper than a join.
 */
final class CompleteRecordsFn extends PlannedRecordsFn<Generation> {
  CompleteRecordsFn(RecordPlan plan, TupleTag<SynthRecord> records, TupleTag<DeadLetter> dead) {
    super(plan, records, dead);
  }

  @ProcessElement
  public void process(@Element Generation generation, MultiOutputReceiver out) {
    long index = plan.indexOf(generation.id());
    try {
      GenericRecord record = factory.record(index);
      record.put(plan.leftToModel(), generation.text());
      out.get(records).output(factory.toSynthRecord(index, record));
    } catch (RuntimeException e) {
      out.get(dead).output(failed(generation.id(), e));
    }
  }
}
