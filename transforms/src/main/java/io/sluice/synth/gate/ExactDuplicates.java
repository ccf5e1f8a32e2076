package io.sluice.synth.gate;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Exact duplicates: records grouped by the hash of their normalised words ({@link TextTokens#sequenceHash}); in
 * each group the lowest index is kept and every other record is rejected, whatever order the runner groups in.
 * Input: (text hash, index); output: (index, rejection) for the records to drop.
 */
final class ExactDuplicates extends PTransform<PCollection<KV<Long, Long>>, PCollection<KV<Long, Rejection>>> {

  @Override
  public PCollection<KV<Long, Rejection>> expand(PCollection<KV<Long, Long>> indexByTextHash) {
    return indexByTextHash
        .apply("GroupByText", GroupByKey.create())
        .apply("RejectAllButLowest", ParDo.of(new RejectFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), SerializableCoder.of(Rejection.class)));
  }

  static final class RejectFn extends DoFn<KV<Long, Iterable<Long>>, KV<Long, Rejection>> {
    @ProcessElement
    public void process(@Element KV<Long, Iterable<Long>> group, OutputReceiver<KV<Long, Rejection>> out) {
      long lowest = Long.MAX_VALUE;
      for (long index : group.getValue()) {
        lowest = Math.min(lowest, index);
      }
      java.util.Set<Long> rejected = new java.util.HashSet<>();
      for (long index : group.getValue()) {
        // A repeated index is one record delivered twice or two records sharing an index: resolved at the join.
        if (index != lowest && rejected.add(index)) {
          out.output(KV.of(index, new Rejection(GateErrorKinds.EXACT_DUPLICATE, lowest,
              "same normalised text as record index " + lowest)));
        }
      }
    }
  }
}
