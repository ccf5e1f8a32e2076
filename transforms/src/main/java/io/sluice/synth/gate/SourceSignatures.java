package io.sluice.synth.gate;

import io.sluice.schemas.Document;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/** Signs every source document and gathers the signatures into one {@link SourceIndex} side input. */
final class SourceSignatures extends PTransform<PCollection<Document>, PCollectionView<SourceIndex>> {
  /** (document id, signature): plain fields, so runners never fall back to Java serialization per document. */
  private static final Coder<KV<String, int[]>> ENTRY_CODER = KvCoder.of(StringUtf8Coder.of(), IntArrayCoder.of());

  private final MinHasher minHash;
  private final double threshold;

  SourceSignatures(MinHasher minHash, double threshold) {
    this.minHash = minHash;
    this.threshold = threshold;
  }

  @Override
  public PCollectionView<SourceIndex> expand(PCollection<Document> source) {
    return source
        .apply("SignSource", ParDo.of(new SignFn(minHash)))
        .setCoder(ENTRY_CODER)
        .apply("IndexSource", Combine.globally(new IndexFn(minHash, threshold)))
        .setCoder(SourceIndexCoder.of())
        .apply("SourceView", View.asSingleton());
  }

  static final class SignFn extends DoFn<Document, KV<String, int[]>> {
    private final MinHasher minHash;

    SignFn(MinHasher minHash) {
      this.minHash = minHash;
    }

    @ProcessElement
    public void process(@Element Document document, OutputReceiver<KV<String, int[]>> out) {
      int[] signature = minHash.signature(document.getText());
      if (signature != null) { // a document without words cannot be copied in any way the gate could see
        out.output(KV.of(document.getId(), signature));
      }
    }
  }

  /** Collects the entries; the index is built once, from all of them in id order, so it is the same on every runner. */
  static final class IndexFn extends Combine.CombineFn<KV<String, int[]>, List<KV<String, int[]>>, SourceIndex> {
    private final MinHasher minHash;
    private final double threshold;

    IndexFn(MinHasher minHash, double threshold) {
      this.minHash = minHash;
      this.threshold = threshold;
    }

    @Override
    public List<KV<String, int[]>> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<KV<String, int[]>> addInput(List<KV<String, int[]>> entries, KV<String, int[]> entry) {
      entries.add(entry);
      return entries;
    }

    @Override
    public List<KV<String, int[]>> mergeAccumulators(Iterable<List<KV<String, int[]>>> parts) {
      List<KV<String, int[]>> all = new ArrayList<>();
      parts.forEach(all::addAll);
      return all;
    }

    @Override
    public SourceIndex extractOutput(List<KV<String, int[]>> entries) {
      List<SourceIndex.Entry> index = new ArrayList<>(entries.size());
      entries.forEach(e -> index.add(new SourceIndex.Entry(e.getKey(), e.getValue())));
      return new SourceIndex(minHash, threshold, index);
    }

    @Override
    public Coder<SourceIndex> getDefaultOutputCoder(CoderRegistry registry, Coder<KV<String, int[]>> input) {
      return SourceIndexCoder.of();
    }

    @Override
    public Coder<List<KV<String, int[]>>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<String, int[]>> input) {
      return ListCoder.of(ENTRY_CODER);
    }
  }
}
