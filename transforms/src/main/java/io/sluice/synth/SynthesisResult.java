package io.sluice.synth;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.TransformResult;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/** Generated records on their way to the gate, and the records whose generation failed. */
public final class SynthesisResult extends TransformResult {
  private final PCollection<SynthRecord> records;

  SynthesisResult(PCollection<SynthRecord> records, PCollection<DeadLetter> deadLetters) {
    super(records.getPipeline(), Map.of(new TupleTag<SynthRecord>("records"), records), deadLetters);
    this.records = records;
  }

  public PCollection<SynthRecord> records() {
    return records;
  }
}
