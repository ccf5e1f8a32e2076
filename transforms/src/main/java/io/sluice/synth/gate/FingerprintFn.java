package io.sluice.synth.gate;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import java.util.Locale;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Per-record work of the duplicate checks, done where the record is: the normalised words, their hash (exact
 * duplicates), their MinHash signature and band keys (near duplicates), and the lookup in the source corpus's
 * index. A record copying a source document leaves here as a dead letter; the others go on keyed by index,
 * with what the grouping steps need emitted beside them.
 */
final class FingerprintFn extends DoFn<SynthRecord, KV<Long, SynthRecord>> {
  /** Where each output goes; a tag is null when its check is switched off. */
  record Tags(
      TupleTag<KV<Long, SynthRecord>> records,
      TupleTag<DeadLetter> deadLetters,
      TupleTag<KV<Long, Long>> textHashes,
      TupleTag<KV<Long, int[]>> signatures,
      TupleTag<KV<Long, KV<Long, Long>>> bandMembers)
      implements java.io.Serializable {}

  private final MinHasher minHash;
  private final PCollectionView<SourceIndex> source;
  private final Tags tags;

  /** @param source the source corpus's index, or null when there is none */
  FingerprintFn(MinHasher minHash, PCollectionView<SourceIndex> source, Tags tags) {
    this.minHash = minHash;
    this.source = source;
    this.tags = tags;
  }

  @ProcessElement
  public void process(ProcessContext context) {
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
    context.output(tags.records(), KV.of(index, record));
    long textHash = TextTokens.sequenceHash(words);
    if (tags.textHashes() != null) {
      context.output(tags.textHashes(), KV.of(textHash, index));
    }
    if (tags.signatures() != null && signature != null) {
      context.output(tags.signatures(), KV.of(index, signature));
      for (long key : minHash.bandKeys(signature)) {
        context.output(tags.bandMembers(), KV.of(key, KV.of(index, textHash)));
      }
    }
  }
}
