package io.sluice.synth.gate;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The last step of the gate, per {@link Buckets bucket} of indexes: each record meets the rejections collected
 * for its index and leaves either
 * accepted or as one dead letter carrying the first rejection ({@link Rejection#ORDER}). Indexes are unique
 * by contract; should two records share one, the first by id and text stays and the others are rejected.
 */
final class ResolveFn extends DoFn<KV<Integer, CoGbkResult>, SynthRecord> {
  private static final Comparator<SynthRecord> BY_ID_AND_TEXT =
      Comparator.comparing((SynthRecord r) -> r.getId().toString()).thenComparing(r -> r.getText().toString());

  private final TupleTag<KV<Long, SynthRecord>> recordTag;
  private final TupleTag<KV<Long, Rejection>> rejectionTag;
  private final TupleTag<SynthRecord> acceptedTag;
  private final TupleTag<DeadLetter> deadLetterTag;

  ResolveFn(TupleTag<KV<Long, SynthRecord>> recordTag, TupleTag<KV<Long, Rejection>> rejectionTag,
      TupleTag<SynthRecord> acceptedTag, TupleTag<DeadLetter> deadLetterTag) {
    this.recordTag = recordTag;
    this.rejectionTag = rejectionTag;
    this.acceptedTag = acceptedTag;
    this.deadLetterTag = deadLetterTag;
  }

  @ProcessElement
  public void process(@Element KV<Integer, CoGbkResult> bucket, MultiOutputReceiver out) {
    Map<Long, List<SynthRecord>> recordsByIndex = new HashMap<>();
    for (KV<Long, SynthRecord> record : bucket.getValue().getAll(recordTag)) {
      recordsByIndex.computeIfAbsent(record.getKey(), k -> new ArrayList<>(1)).add(record.getValue());
    }
    Map<Long, Rejection> firstByIndex = new HashMap<>();
    for (KV<Long, Rejection> rejection : bucket.getValue().getAll(rejectionTag)) {
      // Rejections of records the PII or source check already dead-lettered find no record here: dropped.
      if (recordsByIndex.containsKey(rejection.getKey())) {
        firstByIndex.merge(rejection.getKey(), rejection.getValue(),
            (a, b) -> Rejection.ORDER.compare(a, b) <= 0 ? a : b);
      }
    }
    recordsByIndex.forEach((index, records) -> resolve(records, firstByIndex.get(index), out));
  }

  private void resolve(List<SynthRecord> records, Rejection first, MultiOutputReceiver out) {
    records.sort(BY_ID_AND_TEXT);
    SynthRecord kept = records.get(0);
    for (SynthRecord other : records.subList(1, records.size())) {
      boolean sameText = other.getText().toString().equals(kept.getText().toString());
      out.get(deadLetterTag).output(GateCounters.reject(other,
          sameText ? GateErrorKinds.EXACT_DUPLICATE : GateErrorKinds.DUPLICATE_INDEX,
          (sameText ? "same index and text as record '" : "same index as record '") + kept.getId() + "'"));
    }
    if (first == null) {
      GateCounters.accept();
      out.get(acceptedTag).output(kept);
    } else {
      out.get(deadLetterTag).output(GateCounters.reject(kept, first.kind(), first.message()));
    }
  }
}
