package io.sluice.synth.gate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Exact duplicates: records with the same hash of their normalised words ({@link TextTokens#sequenceHash}); of
 * each such set the lowest index is kept and every other record is rejected, whatever order the runner groups in.
 * Input: (bucket of the hash, (text hash, index)); output: (bucket of the index, (index, rejection)).
 */
final class ExactDuplicates
    extends PTransform<PCollection<KV<Integer, KV<Long, Long>>>, PCollection<KV<Integer, KV<Long, Rejection>>>> {

  static final KvCoder<Integer, KV<Long, Rejection>> REJECTION_CODER =
      KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), SerializableCoder.of(Rejection.class)));

  @Override
  public PCollection<KV<Integer, KV<Long, Rejection>>> expand(PCollection<KV<Integer, KV<Long, Long>>> indexByTextHash) {
    return indexByTextHash
        .apply("GroupByText", GroupByKey.create())
        .apply("RejectAllButLowest", ParDo.of(new RejectFn()))
        .setCoder(REJECTION_CODER);
  }

  static final class RejectFn extends DoFn<KV<Integer, Iterable<KV<Long, Long>>>, KV<Integer, KV<Long, Rejection>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<Long, Long>>> bucket,
        OutputReceiver<KV<Integer, KV<Long, Rejection>>> out) {
      Map<Long, Long> lowestByText = new HashMap<>();
      for (KV<Long, Long> entry : bucket.getValue()) {
        lowestByText.merge(entry.getKey(), entry.getValue(), Math::min);
      }
      Set<Long> rejected = new HashSet<>();
      for (KV<Long, Long> entry : bucket.getValue()) {
        long index = entry.getValue();
        long lowest = lowestByText.get(entry.getKey());
        // A repeated index is one record delivered twice or two records sharing an index: resolved at the join.
        if (index != lowest && rejected.add(index)) {
          out.output(KV.of(Buckets.of(index), KV.of(index, new Rejection(GateErrorKinds.EXACT_DUPLICATE, lowest,
              "same normalised text as record index " + lowest))));
        }
      }
    }
  }
}
