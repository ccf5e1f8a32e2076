package io.sluice.synth.gate;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.SluiceMetrics;
import org.apache.beam.sdk.metrics.Metrics;

/** Turns a rejected record into its dead letter and counts it, the same way at every step of the gate. */
final class GateCounters {
  private GateCounters() {}

  /** Call from inside a DoFn: counts the rejection under its kind and builds the dead letter. */
  static DeadLetter reject(SynthRecord record, String kind, String message) {
    SluiceMetrics.countDeadLetter(kind);
    Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.REJECTED_PREFIX + kind).inc();
    return DeadLetters.of(
        record.getId(), "index " + record.getIndex(), GateErrorKinds.STAGE, kind, message, record.getText());
  }

  /** Call from inside a DoFn for every record the gate lets through. */
  static void accept() {
    Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.ACCEPTED).inc();
  }
}
