package io.sluice.synth.gate;

import io.sluice.pii.Detection;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.ScanPolicy;
import io.sluice.transforms.AnalyzingFn;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The gate's PII scan: the sweep's analyzer (the policy's recognizers, model-based ones included) runs over
 * each record's text, in batches collected within a bundle as the sweep's detection does; a finding whose
 * covered text is not one of the record's injected values ({@link InjectedValues}) is a leak, and the record
 * goes to the dead letters with the entity types and counts found (never the values).
 */
final class PiiScanFn extends AnalyzingFn<SynthRecord, SynthRecord> {
  private static final int BATCH_RECORDS = 64;
  private static final long BATCH_CHARS = 1 << 20;

  private final ScanPolicy scan;
  private final TupleTag<SynthRecord> passedTag;
  private final TupleTag<DeadLetter> deadLetterTag;
  PiiScanFn(ScanPolicy scan, TupleTag<SynthRecord> passedTag, TupleTag<DeadLetter> deadLetterTag) {
    super(scan.policy(), BATCH_RECORDS, BATCH_CHARS);
    this.scan = scan;
    this.passedTag = passedTag;
    this.deadLetterTag = deadLetterTag;
  }

  @Override
  protected String textOf(SynthRecord record) {
    return record.getText();
  }

  @Override
  protected void processBatch(List<SynthRecord> records, Outputs outputs) {
    List<List<Detection>> batch = analyzeBatchOrNull(records);
    for (int i = 0; i < records.size(); i++) {
      SynthRecord record = records.get(i);
      Map<String, Integer> leaks;
      try {
        List<Detection> found = detections(batch, i, record);
        leaks = leaks(record, found);
      } catch (RuntimeException e) {
        outputs.output(deadLetterTag, GateCounters.reject(record, GateErrorKinds.SCAN_FAILED,
            e.getClass().getSimpleName() + " during the gate's PII scan"), i);
        continue;
      }
      if (leaks.isEmpty()) {
        outputs.output(passedTag, record, i);
      } else {
        int total = leaks.values().stream().mapToInt(Integer::intValue).sum();
        String counts = leaks.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
        outputs.output(deadLetterTag, GateCounters.reject(record, GateErrorKinds.PII_LEAK,
            total + " PII finding" + (total == 1 ? "" : "s") + " the generator did not inject: " + counts), i);
      }
    }
  }

  /** Un-injected findings by entity type, in name order. */
  private Map<String, Integer> leaks(SynthRecord record, List<Detection> found) {
    Map<String, Integer> leaks = new TreeMap<>();
    InjectedValues injected = null;
    String text = record.getText();
    for (Detection d : found) {
      if (!scan.counts(d)) {
        continue;
      }
      if (injected == null) {
        injected = new InjectedValues(record.getInjected());
      }
      if (!injected.covers(text.substring(d.start(), d.end()))) {
        leaks.merge(d.entityType(), 1, Integer::sum);
      }
    }
    return leaks;
  }
}
