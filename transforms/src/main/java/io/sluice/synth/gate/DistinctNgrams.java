package io.sluice.synth.gate;

import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.SluiceMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Counts all and distinct word 1-grams and 2-grams of the accepted texts into the counters of
 * {@link GateStatistics}. Distinct n-grams are counted exactly: each bundle gathers the 64-bit hashes into a set
 * per (n, {@link Buckets bucket}) and hands each set on as one element ({@link BundleBuckets}); a combiner
 * merges the sets of a key, and each merged set's size is added to the counter for its n.
 */
final class DistinctNgrams extends PTransform<PCollection<SynthRecord>, PDone> {

  @Override
  public PDone expand(PCollection<SynthRecord> accepted) {
    accepted
        .apply("NgramHashes", ParDo.of(new NgramFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), LongArrayCoder.of()))
        .apply("DistinctPerBucket", Combine.perKey(new CountDistinctFn()))
        .apply("ReportDistinct", ParDo.of(new ReportFn()));
    return PDone.in(accepted.getPipeline());
  }

  /** The hash of the word pair (first, second). */
  static long bigram(long first, long second) {
    return TextTokens.mix(first * 31 + second);
  }

  /**
   * Gathers the distinct 1-gram and 2-gram hashes of a bundle per key (n - 1) * buckets + bucket, emits each key's
   * set when the bundle finishes, and counts all n-grams.
   */
  static final class NgramFn extends DoFn<SynthRecord, KV<Integer, long[]>> {
    private transient BundleBuckets<LongHashSet> seen;

    @StartBundle
    public void startBundle() {
      seen = new BundleBuckets<>(LongHashSet::new);
    }

    @ProcessElement
    public void process(@Element SynthRecord record, BoundedWindow window) {
      long[] words = TextTokens.hashes(record.getText());
      for (int i = 0; i < words.length; i++) {
        seen.get(window, Buckets.of(words[i])).add(words[i]);
        if (i > 0) {
          long pair = bigram(words[i - 1], words[i]);
          seen.get(window, Buckets.COUNT + Buckets.of(pair)).add(pair);
        }
      }
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_TOTAL_PREFIX + 1).inc(words.length);
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_TOTAL_PREFIX + 2).inc(Math.max(0, words.length - 1));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      seen.drain((window, key, hashes) -> context.output(KV.of(key, hashes.toArray()), window.maxTimestamp(), window));
    }
  }

  /** The number of distinct hashes under one key, from the bundles' sets of it. */
  static final class CountDistinctFn extends Combine.CombineFn<long[], LongHashSet, Long> {
    @Override
    public LongHashSet createAccumulator() {
      return new LongHashSet();
    }

    @Override
    public LongHashSet addInput(LongHashSet seen, long[] hashes) {
      seen.addAll(hashes);
      return seen;
    }

    @Override
    public LongHashSet mergeAccumulators(Iterable<LongHashSet> parts) {
      LongHashSet all = null;
      for (LongHashSet part : parts) {
        if (all == null) {
          all = part; // accumulators may be modified and returned
        } else {
          all.addAll(part);
        }
      }
      return all == null ? new LongHashSet() : all;
    }

    @Override
    public Long extractOutput(LongHashSet seen) {
      return (long) seen.size();
    }

    @Override
    public Coder<LongHashSet> getAccumulatorCoder(CoderRegistry registry, Coder<long[]> inputCoder) {
      return new SetCoder();
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<long[]> inputCoder) {
      return VarLongCoder.of();
    }
  }

  /** A set as the array of its values. */
  static final class SetCoder extends AtomicCoder<LongHashSet> {
    @Override
    public void encode(LongHashSet set, OutputStream out) throws IOException {
      LongArrayCoder.of().encode(set.toArray(), out);
    }

    @Override
    public LongHashSet decode(InputStream in) throws IOException {
      long[] values = LongArrayCoder.of().decode(in);
      LongHashSet set = new LongHashSet(values.length);
      set.addAll(values);
      return set;
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
