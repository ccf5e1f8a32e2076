package io.sluice.pipelines.synth;

import io.sluice.pipelines.io.DocumentReaders;
import io.sluice.pipelines.io.InputSpec;
import io.sluice.pipelines.io.ReadSettings;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.gate.GateSettings;
import io.sluice.synth.gate.GateStatistics;
import io.sluice.synth.gate.SynthesisGate;
import io.sluice.synth.gate.GateErrorKinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollection;

/**
 * The gate between generation and the writers ({@link SynthesisGate}, configured by the spec's {@code gate:}):
 * every record is accepted or becomes a dead letter with the reason. A source corpus the settings name is read
 * with the sweep's readers; its unreadable records are not the job's records, so they are dropped, not counted.
 */
final class GateStep {
  /** Accepted records and the gate's dead letters. */
  record Gated(PCollection<SynthRecord> accepted, PCollection<DeadLetter> deadLetters) {}

  /** Rejections that are duplicates: of a source document, of another record, or of an index. */
  static final List<String> DUPLICATE_KINDS = List.of(GateErrorKinds.NEAR_DUPLICATE_SOURCE,
      GateErrorKinds.NEAR_DUPLICATE_OUTPUT, GateErrorKinds.EXACT_DUPLICATE, GateErrorKinds.DUPLICATE_INDEX);

  private GateStep() {}

  static Gated apply(GateSettings settings, PCollection<SynthRecord> records) {
    SynthesisGate gate = SynthesisGate.with(settings);
    if (settings.sourcePath() != null) {
      InputSpec source = InputSpec.resolve(settings.sourcePath().toString(), null, ReadSettings.defaults());
      PCollection<Document> documents = DocumentReaders.read(records.getPipeline(), source).documents();
      gate = gate.withSource(documents);
    }
    SynthesisGate.Result gated = records.apply("Gate", gate);
    return new Gated(gated.accepted(), gated.deadLetters());
  }

  /** summary.json's {@code gate} block, from the finished run's counters. */
  static Map<String, Object> statistics(PipelineResult result) {
    GateStatistics stats = GateStatistics.from(result.metrics());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accepted", stats.accepted());
    out.put("rejected", stats.rejected());
    out.put("rejected_by_kind", stats.rejectedByKind());
    out.put("duplicates_found", DUPLICATE_KINDS.stream().mapToLong(k -> stats.rejectedByKind().getOrDefault(k, 0L)).sum());
    out.put("distinct_1", Double.isNaN(stats.distinct1()) ? null : stats.distinct1());
    out.put("distinct_2", Double.isNaN(stats.distinct2()) ? null : stats.distinct2());
    return out;
  }
}
