package io.sluice.synth.gate;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The last step of the gate: each record meets the rejections collected for its index and leaves either
 * accepted or as one dead letter carrying the first rejection ({@link Rejection#ORDER}). Indexes are unique
 * by contract; should two records share one, the first by id and text stays and the others are rejected.
 */
final class ResolveFn extends DoFn<KV<Long, CoGbkResult>, SynthRecord> {
  private static final Comparator<SynthRecord> BY_ID_AND_TEXT =
      Comparator.comparing((SynthRecord r) -> r.getId().toString()).thenComparing(r -> r.getText().toString());

  private final TupleTag<SynthRecord> recordTag;
  private final TupleTag<Rejection> rejectionTag;
  private final TupleTag<SynthRecord> acceptedTag;
  private final TupleTag<DeadLetter> deadLetterTag;

  ResolveFn(TupleTag<SynthRecord> recordTag, TupleTag<Rejection> rejectionTag,
      TupleTag<SynthRecord> acceptedTag, TupleTag<DeadLetter> deadLetterTag) {
    this.recordTag = recordTag;
    this.rejectionTag = rejectionTag;
    this.acceptedTag = acceptedTag;
    this.deadLetterTag = deadLetterTag;
  }

  @ProcessElement
  public void process(@Element KV<Long, CoGbkResult> joined, MultiOutputReceiver out) {
    List<SynthRecord> records = new ArrayList<>();
    joined.getValue().getAll(recordTag).forEach(records::add);
    if (records.isEmpty()) {
      return; // rejections of a record the PII or source check already dead-lettered
    }
    records.sort(BY_ID_AND_TEXT);
    SynthRecord kept = records.get(0);
    for (SynthRecord other : records.subList(1, records.size())) {
      boolean sameText = other.getText().toString().equals(kept.getText().toString());
      out.get(deadLetterTag).output(GateCounters.reject(other,
          sameText ? GateErrorKinds.EXACT_DUPLICATE : GateErrorKinds.DUPLICATE_INDEX,
          (sameText ? "same index and text as record '" : "same index as record '") + kept.getId() + "'"));
    }
    Rejection first = null;
    for (Rejection rejection : joined.getValue().getAll(rejectionTag)) {
      if (first == null || Rejection.ORDER.compare(rejection, first) < 0) {
        first = rejection;
      }
    }
    if (first == null) {
      GateCounters.accept();
      out.get(acceptedTag).output(kept);
    } else {
      out.get(deadLetterTag).output(GateCounters.reject(kept, first.kind(), first.message()));
    }
  }
}
