package io.sluice.synth.gate;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import java.util.Locale;
import java.util.stream.LongStream;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Per-record work of the duplicate checks, done where the record is: the normalised words, their hash (exact
 * duplicates), their MinHash signature and band keys (near duplicates), and the lookup in the source corpus's
 * index. A record copying a source document leaves here as a dead letter; the others go on keyed by index,
 * with what the grouping steps need emitted beside them.
 */
final class FingerprintFn extends DoFn<SynthRecord, KV<Integer, KV<Long, SynthRecord>>> {
  /**
   * Where each output goes, every one keyed by its {@link Buckets bucket}: records and signatures by index,
   * (text hash, index) by text hash; band members, 32 or so per record, by band key, gathered per bundle into
   * blocks of (band key, index, text hash) triples ({@link BundleBuckets}). A tag is null when its check is
   * switched off.
   */
  record Tags(
      TupleTag<KV<Integer, KV<Long, SynthRecord>>> records,
      TupleTag<DeadLetter> deadLetters,
      TupleTag<KV<Integer, KV<Long, Long>>> textHashes,
      TupleTag<KV<Integer, KV<Long, int[]>>> signatures,
      TupleTag<KV<Integer, long[]>> bandMembers)
      implements java.io.Serializable {}

  private final MinHasher minHash;
  private final PCollectionView<SourceIndex> source;
  private final Tags tags;
  private transient BundleBuckets<LongStream.Builder> bandMembers;

  /** @param source the source corpus's index, or null when there is none */
  FingerprintFn(MinHasher minHash, PCollectionView<SourceIndex> source, Tags tags) {
    this.minHash = minHash;
    this.source = source;
    this.tags = tags;
  }

  @StartBundle
  public void startBundle() {
    bandMembers = new BundleBuckets<>(LongStream::builder);
  }

  @ProcessElement
  public void process(ProcessContext context, BoundedWindow window) {
    SynthRecord record = context.element();
    long index = record.getIndex();
    long[] words = TextTokens.hashes(record.getText());
    boolean needSignature = source != null || tags.signatures() != null;
    int[] signature = needSignature ? minHash.signature(words) : null;
    if (source != null && signature != null) {
      SourceIndex.Match match = context.sideInput(source).bestMatch(signature);
      if (match != null) {
        context.output(tags.deadLetters(), GateCounters.reject(record, GateErrorKinds.NEAR_DUPLICATE_SOURCE,
            String.format(Locale.ROOT, "near copy of source document '%s' (estimated Jaccard %.2f)",
                match.sourceId(), match.jaccard())));
        return;
      }
    }
    int bucket = Buckets.of(index);
    context.output(tags.records(), KV.of(bucket, KV.of(index, record)));
    long textHash = TextTokens.sequenceHash(words);
    if (tags.textHashes() != null) {
      context.output(tags.textHashes(), KV.of(Buckets.of(textHash), KV.of(textHash, index)));
    }
    if (tags.signatures() != null && signature != null) {
      context.output(tags.signatures(), KV.of(bucket, KV.of(index, signature)));
      for (long key : minHash.bandKeys(signature)) {
        bandMembers.get(window, Buckets.of(key)).add(key).add(index).add(textHash);
      }
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    bandMembers.drain((window, bucket, triples) -> context.output(tags.bandMembers(),
        KV.of(bucket, triples.build().toArray()), window.maxTimestamp(), window));
  }
}
