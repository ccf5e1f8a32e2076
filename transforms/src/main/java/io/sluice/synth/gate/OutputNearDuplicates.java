package io.sluice.synth.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
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
 * Near duplicates among the records: records sharing an LSH band key are paired with the lower-indexed records
 * sharing it, and pairs are verified on the full signatures. A record is rejected when its estimated Jaccard
 * similarity to any lower-indexed record reaches the threshold, so the lowest index of a group of near copies is
 * kept; which records are rejected depends only on the records, never on the order a runner delivers them in.
 *
 * <p>Signatures are not carried through the band grouping (that would ship each one once per band): the grouping
 * yields (record, lower record) pairs, and two joins on the index bring the two signatures together. Records with
 * the same normalised words are left to {@link ExactDuplicates}: in a band only the lowest index of each text is
 * paired. A band shared by more than {@value #MAX_COMPARED} distinct texts pairs each record with the
 * {@value #MAX_COMPARED} lowest only, which bounds the cost of very common band values (the price: a record whose
 * only near copy ranks above that in such a band is not caught). Every grouping is by {@link Buckets bucket}.
 *
 * <p>Input: (bucket, blocks of (band key, index, text hash) triples, see {@link FingerprintFn}); output: (bucket
 * of the index, (index, rejection)).
 */
final class OutputNearDuplicates
    extends PTransform<PCollection<KV<Integer, long[]>>, PCollection<KV<Integer, KV<Long, Rejection>>>> {
  static final int MAX_COMPARED = 100;

  private final PCollection<KV<Integer, KV<Long, int[]>>> signatures;
  private final double threshold;

  /** @param signatures (bucket of the index, (index, signature)) */
  OutputNearDuplicates(PCollection<KV<Integer, KV<Long, int[]>>> signatures, double threshold) {
    this.signatures = signatures;
    this.threshold = threshold;
  }

  @Override
  public PCollection<KV<Integer, KV<Long, Rejection>>> expand(PCollection<KV<Integer, long[]>> bandMembers) {
    PCollection<KV<Integer, KV<Long, Long>>> lowerByIndex = bandMembers
        .apply("GroupByBand", GroupByKey.create())
        .apply("PairWithLower", ParDo.of(new PairFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())));

    TupleTag<KV<Long, int[]>> signatureTag = new TupleTag<>("signature");
    TupleTag<KV<Long, Long>> lowerTag = new TupleTag<>("lower");
    PCollection<KV<Integer, KV<Long, KV<Long, int[]>>>> probes = KeyedPCollectionTuple.of(signatureTag, signatures)
        .and(lowerTag, lowerByIndex)
        .apply("JoinHigherSignature", CoGroupByKey.create())
        .apply("ProbeLower", ParDo.of(new ProbeFn(signatureTag, lowerTag)))
        .setCoder(KvCoder.of(VarIntCoder.of(),
            KvCoder.of(VarLongCoder.of(), KvCoder.of(VarLongCoder.of(), IntArrayCoder.of()))));

    TupleTag<KV<Long, KV<Long, int[]>>> probeTag = new TupleTag<>("probe");
    return KeyedPCollectionTuple.of(signatureTag, signatures)
        .and(probeTag, probes)
        .apply("JoinLowerSignature", CoGroupByKey.create())
        .apply("Verify", ParDo.of(new VerifyFn(signatureTag, probeTag, threshold)))
        .setCoder(ExactDuplicates.REJECTION_CODER);
  }

  /** Emits (bucket of the index, (index, lower index)) for the records of each band in the bucket. */
  static final class PairFn extends DoFn<KV<Integer, Iterable<long[]>>, KV<Integer, KV<Long, Long>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<long[]>> bucket, OutputReceiver<KV<Integer, KV<Long, Long>>> out) {
      Map<Long, List<KV<Long, Long>>> bands = new HashMap<>();
      for (long[] triples : bucket.getValue()) {
        for (int i = 0; i < triples.length; i += 3) {
          bands.computeIfAbsent(triples[i], k -> new ArrayList<>(2)).add(KV.of(triples[i + 1], triples[i + 2]));
        }
      }
      for (List<KV<Long, Long>> members : bands.values()) {
        if (members.size() > 1) {
          pairWithLower(members, out);
        }
      }
    }

    /** @param members (index, text hash) of one band */
    private static void pairWithLower(List<KV<Long, Long>> members, OutputReceiver<KV<Integer, KV<Long, Long>>> out) {
      members.sort(Comparator.comparingLong((KV<Long, Long> m) -> m.getKey()).thenComparingLong(KV::getValue));
      Set<Long> textsSeen = new HashSet<>();
      List<Long> distinct = new ArrayList<>();
      for (KV<Long, Long> member : members) {
        if (textsSeen.add(member.getValue())) {
          distinct.add(member.getKey());
        }
      }
      for (int j = 1; j < distinct.size(); j++) {
        long index = distinct.get(j);
        for (int i = 0; i < Math.min(j, MAX_COMPARED); i++) {
          if (distinct.get(i) != index) {
            out.output(KV.of(Buckets.of(index), KV.of(index, distinct.get(i))));
          }
        }
      }
    }
  }

  /** Sends each record's signature to the lower records it was paired with (once, however many bands paired them). */
  static final class ProbeFn extends DoFn<KV<Integer, CoGbkResult>, KV<Integer, KV<Long, KV<Long, int[]>>>> {
    private final TupleTag<KV<Long, int[]>> signatureTag;
    private final TupleTag<KV<Long, Long>> lowerTag;

    ProbeFn(TupleTag<KV<Long, int[]>> signatureTag, TupleTag<KV<Long, Long>> lowerTag) {
      this.signatureTag = signatureTag;
      this.lowerTag = lowerTag;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> bucket,
        OutputReceiver<KV<Integer, KV<Long, KV<Long, int[]>>>> out) {
      Map<Long, Set<Long>> lowerByIndex = new TreeMap<>();
      for (KV<Long, Long> pair : bucket.getValue().getAll(lowerTag)) {
        lowerByIndex.computeIfAbsent(pair.getKey(), k -> new TreeSet<>()).add(pair.getValue());
      }
      if (lowerByIndex.isEmpty()) {
        return;
      }
      Map<Long, int[]> signatureByIndex = signatures(bucket.getValue().getAll(signatureTag));
      lowerByIndex.forEach((index, lower) -> {
        int[] signature = signatureByIndex.get(index);
        for (long other : lower) {
          out.output(KV.of(Buckets.of(other), KV.of(other, KV.of(index, signature))));
        }
      });
    }
  }

  /** Compares each probing record's signature with the (lower) record's and rejects the probe when close enough. */
  static final class VerifyFn extends DoFn<KV<Integer, CoGbkResult>, KV<Integer, KV<Long, Rejection>>> {
    private final TupleTag<KV<Long, int[]>> signatureTag;
    private final TupleTag<KV<Long, KV<Long, int[]>>> probeTag;
    private final double threshold;

    VerifyFn(TupleTag<KV<Long, int[]>> signatureTag, TupleTag<KV<Long, KV<Long, int[]>>> probeTag, double threshold) {
      this.signatureTag = signatureTag;
      this.probeTag = probeTag;
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> bucket, OutputReceiver<KV<Integer, KV<Long, Rejection>>> out) {
      Iterable<KV<Long, KV<Long, int[]>>> probes = bucket.getValue().getAll(probeTag);
      if (!probes.iterator().hasNext()) {
        return;
      }
      Map<Long, int[]> signatureByIndex = signatures(bucket.getValue().getAll(signatureTag));
      for (KV<Long, KV<Long, int[]>> probe : probes) {
        long lower = probe.getKey();
        long index = probe.getValue().getKey();
        double jaccard = MinHasher.estimatedJaccard(signatureByIndex.get(lower), probe.getValue().getValue());
        if (jaccard >= threshold) {
          out.output(KV.of(Buckets.of(index), KV.of(index, new Rejection(GateErrorKinds.NEAR_DUPLICATE_OUTPUT, lower,
              String.format(Locale.ROOT, "near copy of record index %d (estimated Jaccard %.2f)", lower, jaccard)))));
        }
      }
    }
  }

  /**
   * Signatures of a bucket by index. Indexes are unique by contract; should two records share one, the signature
   * kept is the smallest, so the outcome does not depend on delivery order.
   */
  static Map<Long, int[]> signatures(Iterable<KV<Long, int[]>> entries) {
    Map<Long, int[]> byIndex = new HashMap<>();
    for (KV<Long, int[]> entry : entries) {
      byIndex.merge(entry.getKey(), entry.getValue(), (a, b) -> java.util.Arrays.compare(a, b) <= 0 ? a : b);
    }
    return byIndex;
  }
}
