package io.sluice.synth.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Near duplicates among the records: LSH band keys are grouped, each record in a group becomes a candidate of
 * the lower-indexed records in it, and candidates are verified on the full signatures. A record is rejected
 * when its estimated Jaccard similarity to any lower-indexed record reaches the threshold, so the lowest index
 * of a group of near copies is kept; which records are rejected depends only on the records, never on the
 * order a runner delivers them in.
 *
 * <p>Signatures are not carried through the band groups (that would ship each one once per band): a group
 * yields (record, lower record) pairs, and two joins on the index bring the two signatures together. Records
 * with the same normalised words are left to {@link ExactDuplicates}: in a band group only the lowest index of
 * each text is paired. A band group larger than {@value #MAX_COMPARED} distinct texts pairs each record with the
 * {@value #MAX_COMPARED} lowest only, which bounds the cost of very common band values (the price: a record
 * whose only near copy is above that rank in such a group is not caught).
 *
 * <p>Input: (band key, (index, text hash)); output: (index, rejection) for the records to drop.
 */
final class OutputNearDuplicates
    extends PTransform<PCollection<KV<Long, KV<Long, Long>>>, PCollection<KV<Long, Rejection>>> {
  static final int MAX_COMPARED = 100;

  private final PCollection<KV<Long, int[]>> signatures;
  private final double threshold;

  OutputNearDuplicates(PCollection<KV<Long, int[]>> signatures, double threshold) {
    this.signatures = signatures;
    this.threshold = threshold;
  }

  @Override
  public PCollection<KV<Long, Rejection>> expand(PCollection<KV<Long, KV<Long, Long>>> bandMembers) {
    PCollection<KV<Long, Long>> lowerByIndex = bandMembers
        .apply("GroupByBand", GroupByKey.create())
        .apply("PairWithLower", ParDo.of(new PairFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()));

    TupleTag<int[]> signatureTag = new TupleTag<>("signature");
    TupleTag<Long> lowerTag = new TupleTag<>("lower");
    PCollection<KV<Long, KV<Long, int[]>>> probes = KeyedPCollectionTuple.of(signatureTag, signatures)
        .and(lowerTag, lowerByIndex)
        .apply("JoinHigherSignature", CoGroupByKey.create())
        .apply("ProbeLower", ParDo.of(new ProbeFn(signatureTag, lowerTag)))
        .setCoder(KvCoder.of(VarLongCoder.of(), KvCoder.of(VarLongCoder.of(), IntArrayCoder.of())));

    TupleTag<KV<Long, int[]>> probeTag = new TupleTag<>("probe");
    return KeyedPCollectionTuple.of(signatureTag, signatures)
        .and(probeTag, probes)
        .apply("JoinLowerSignature", CoGroupByKey.create())
        .apply("Verify", ParDo.of(new VerifyFn(signatureTag, probeTag, threshold)))
        .setCoder(KvCoder.of(VarLongCoder.of(), SerializableCoder.of(Rejection.class)));
  }

  /** Emits (index, lower index) for the records of one band group. */
  static final class PairFn extends DoFn<KV<Long, Iterable<KV<Long, Long>>>, KV<Long, Long>> {
    @ProcessElement
    public void process(@Element KV<Long, Iterable<KV<Long, Long>>> group, OutputReceiver<KV<Long, Long>> out) {
      List<KV<Long, Long>> members = new ArrayList<>();
      group.getValue().forEach(members::add);
      if (members.size() < 2) {
        return;
      }
      members.sort(Comparator.comparingLong((KV<Long, Long> m) -> m.getKey()).thenComparingLong(KV::getValue));
      Set<Long> textsSeen = new HashSet<>();
      List<Long> distinct = new ArrayList<>();
      for (KV<Long, Long> member : members) {
        if (textsSeen.add(member.getValue())) {
          distinct.add(member.getKey());
        }
      }
      for (int j = 1; j < distinct.size(); j++) {
        for (int i = 0; i < Math.min(j, MAX_COMPARED); i++) {
          if (!distinct.get(i).equals(distinct.get(j))) {
            out.output(KV.of(distinct.get(j), distinct.get(i)));
          }
        }
      }
    }
  }

  /** Sends a record's signature to each lower record it was paired with (once, however many bands paired them). */
  static final class ProbeFn extends DoFn<KV<Long, CoGbkResult>, KV<Long, KV<Long, int[]>>> {
    private final TupleTag<int[]> signatureTag;
    private final TupleTag<Long> lowerTag;

    ProbeFn(TupleTag<int[]> signatureTag, TupleTag<Long> lowerTag) {
      this.signatureTag = signatureTag;
      this.lowerTag = lowerTag;
    }

    @ProcessElement
    public void process(@Element KV<Long, CoGbkResult> joined, OutputReceiver<KV<Long, KV<Long, int[]>>> out) {
      Set<Long> lower = new TreeSet<>();
      joined.getValue().getAll(lowerTag).forEach(lower::add);
      if (lower.isEmpty()) {
        return;
      }
      int[] signature = joined.getValue().getAll(signatureTag).iterator().next();
      for (long other : lower) {
        out.output(KV.of(other, KV.of(joined.getKey(), signature)));
      }
    }
  }

  /** Compares each probing record's signature with this (lower) record's and rejects the probe when close enough. */
  static final class VerifyFn extends DoFn<KV<Long, CoGbkResult>, KV<Long, Rejection>> {
    private final TupleTag<int[]> signatureTag;
    private final TupleTag<KV<Long, int[]>> probeTag;
    private final double threshold;

    VerifyFn(TupleTag<int[]> signatureTag, TupleTag<KV<Long, int[]>> probeTag, double threshold) {
      this.signatureTag = signatureTag;
      this.probeTag = probeTag;
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(@Element KV<Long, CoGbkResult> joined, OutputReceiver<KV<Long, Rejection>> out) {
      Iterable<KV<Long, int[]>> probes = joined.getValue().getAll(probeTag);
      if (!probes.iterator().hasNext()) {
        return;
      }
      long lower = joined.getKey();
      int[] signature = joined.getValue().getAll(signatureTag).iterator().next();
      for (KV<Long, int[]> probe : probes) {
        double jaccard = MinHasher.estimatedJaccard(signature, probe.getValue());
        if (jaccard >= threshold) {
          out.output(KV.of(probe.getKey(), new Rejection(GateErrorKinds.NEAR_DUPLICATE_OUTPUT, lower,
              String.format(Locale.ROOT, "near copy of record index %d (estimated Jaccard %.2f)", lower, jaccard))));
        }
      }
    }
  }
}
