package io.sluice.synth.gate;

import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.SluiceMetrics;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Counts all and distinct word 1-grams and 2-grams of the accepted texts into the counters of
 * {@link GateStatistics}. Distinct n-grams are counted exactly: their 64-bit hashes go through
 * {@link Distinct}, whose combiner drops repeats before the shuffle, so only each bundle's distinct hashes move.
 */
final class DistinctNgrams extends PTransform<PCollection<SynthRecord>, PDone> {

  @Override
  public PDone expand(PCollection<SynthRecord> accepted) {
    accepted
        .apply("NgramHashes", ParDo.of(new NgramFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), VarLongCoder.of()))
        .apply("DistinctNgrams", Distinct.create())
        .apply("CountDistinct", Count.perKey())
        .apply("ReportDistinct", ParDo.of(new ReportFn()));
    return PDone.in(accepted.getPipeline());
  }

  /** Emits (n, hash) for every 1-gram and 2-gram and counts them all. */
  static final class NgramFn extends DoFn<SynthRecord, KV<Integer, Long>> {
    @ProcessElement
    public void process(@Element SynthRecord record, OutputReceiver<KV<Integer, Long>> out) {
      long[] words = TextTokens.hashes(record.getText());
      for (int i = 0; i < words.length; i++) {
        out.output(KV.of(1, words[i]));
        if (i > 0) {
          out.output(KV.of(2, TextTokens.mix(words[i - 1] * 31 + words[i])));
        }
      }
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_TOTAL_PREFIX + 1).inc(words.length);
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_TOTAL_PREFIX + 2).inc(Math.max(0, words.length - 1));
    }
  }

  static final class ReportFn extends DoFn<KV<Integer, Long>, Void> {
    @ProcessElement
    public void process(@Element KV<Integer, Long> distinct) {
      Metrics.counter(SluiceMetrics.NAMESPACE, GateStatistics.NGRAMS_DISTINCT_PREFIX + distinct.getKey())
          .inc(distinct.getValue());
    }
  }
}
