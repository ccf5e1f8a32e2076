package io.sluice.pipelines.synth;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.SynthSpec;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;

/**
 * The gate between generation and the writers: every record is accepted or becomes a dead letter with the reason.
 * Until the gate transforms are merged this step accepts every record and reports no gate statistics.
 */
final class GateStep {
  /** Accepted records and the gate's dead letters. */
  record Gated(PCollection<SynthRecord> accepted, PCollection<DeadLetter> deadLetters) {}

  private GateStep() {}

  static Gated apply(SynthSpec spec, PCollection<SynthRecord> records) {
    PCollection<DeadLetter> none = records.getPipeline()
        .apply("NoGateRejections", Create.empty(AvroCoder.of(DeadLetter.class)));
    return new Gated(records, none);
  }

  /** summary.json's {@code gate} block, from the finished run's counters. */
  static Map<String, Object> statistics(PipelineResult result) {
    return Map.of();
  }
}
