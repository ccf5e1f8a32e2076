package io.sluice.synth.gate;

import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.SluiceMetrics;
import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SetCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Counts all and distinct word 1-grams and 2-grams of the accepted texts into the counters of
 * {@link GateStatistics}. Distinct n-grams are counted exactly: their 64-bit hashes are gathered into sets per
 * (n, {@link Buckets bucket}) by a combiner, which drops repeats before the shuffle, and each set's size is added
 * to the counter for its n.
 */
final class DistinctNgrams extends PTransform<PCollection<SynthRecord>, PDone> {

  @Override
  public PDone expand(PCollection<SynthRecord> accepted) {
    accepted
        .apply("NgramHashes", ParDo.of(new NgramFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), VarLongCoder.of()))
        .apply("DistinctPerBucket", Combine.perKey(new CountDistinctFn()))
        .apply("ReportDistinct", ParDo.of(new ReportFn()));
    return PDone.in(accepted.getPipeline());
  }

  /** Emits ((n - 1) * buckets + bucket, hash) for every 1-gram and 2-gram, and counts them all. */
  static final class NgramFn extends DoFn<SynthRecord, KV<Integer, Long>> {
    @ProcessElement
    public void process(@Element SynthRecord record, OutputReceiver<KV<Integer, Long>> out) {
      long[] words = TextTokens.hashes(record.getText());
      for (int i = 0; i < words.length; i++) {
        out.output(KV.of(Buckets.of(words[i]), words[i]));
        if (i > 0) {
          long bigram = TextTokens.mix(words[i - 1] * 31 + words[i]);
          out.output(KV.of(Buckets.COUNT + Buckets.of(bigram), bigram));
        }
      }
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_TOTAL_PREFIX + 1).inc(words.length);
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_TOTAL_PREFIX + 2).inc(Math.max(0, words.length - 1));
    }
  }

  /** The number of distinct hashes under one key. */
  static final class CountDistinctFn extends Combine.CombineFn<Long, Set<Long>, Long> {
    @Override
    public Set<Long> createAccumulator() {
      return new HashSet<>();
    }

    @Override
    public Set<Long> addInput(Set<Long> seen, Long hash) {
      seen.add(hash);
      return seen;
    }

    @Override
    public Set<Long> mergeAccumulators(Iterable<Set<Long>> parts) {
      Set<Long> all = new HashSet<>();
      parts.forEach(all::addAll);
      return all;
    }

    @Override
    public Long extractOutput(Set<Long> seen) {
      return (long) seen.size();
    }

    @Override
    public Coder<Set<Long>> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return SetCoder.of(VarLongCoder.of());
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return VarLongCoder.of();
    }
  }

  static final class ReportFn extends DoFn<KV<Integer, Long>, Void> {
    @ProcessElement
    public void process(@Element KV<Integer, Long> distinct) {
      int n = distinct.getKey() / Buckets.COUNT + 1;
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_DISTINCT_PREFIX + n).inc(distinct.getValue());
    }
  }
}
