package io.sluice.synth.gate;

import io.sluice.schemas.Document;
import java.util.ArrayList;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/** Signs every source document and gathers the signatures into one {@link SourceIndex} side input. */
final class SourceSignatures extends PTransform<PCollection<Document>, PCollectionView<SourceIndex>> {
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
        .setCoder(SerializableCoder.of(SourceIndex.Entry.class))
        .apply("IndexSource", Combine.globally(new IndexFn(minHash, threshold)))
        .setCoder(SerializableCoder.of(SourceIndex.class))
        .apply("SourceView", View.asSingleton());
  }

  static final class SignFn extends DoFn<Document, SourceIndex.Entry> {
    private final MinHasher minHash;

    SignFn(MinHasher minHash) {
      this.minHash = minHash;
    }

    @ProcessElement
    public void process(@Element Document document, OutputReceiver<SourceIndex.Entry> out) {
      int[] signature = minHash.signature(document.getText());
      if (signature != null) { // a document without words cannot be copied in any way the gate could see
        out.output(new SourceIndex.Entry(document.getId(), signature));
      }
    }
  }

  /** Collects the entries; the index is built once, from all of them in id order, so it is the same on every runner. */
  static final class IndexFn extends Combine.CombineFn<SourceIndex.Entry, ArrayList<SourceIndex.Entry>, SourceIndex> {
    private final MinHasher minHash;
    private final double threshold;

    IndexFn(MinHasher minHash, double threshold) {
      this.minHash = minHash;
      this.threshold = threshold;
    }

    @Override
    public ArrayList<SourceIndex.Entry> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<SourceIndex.Entry> addInput(ArrayList<SourceIndex.Entry> entries, SourceIndex.Entry entry) {
      entries.add(entry);
      return entries;
    }

    @Override
    public ArrayList<SourceIndex.Entry> mergeAccumulators(Iterable<ArrayList<SourceIndex.Entry>> parts) {
      ArrayList<SourceIndex.Entry> all = new ArrayList<>();
      parts.forEach(all::addAll);
      return all;
    }

    @Override
    public SourceIndex extractOutput(ArrayList<SourceIndex.Entry> entries) {
      return new SourceIndex(minHash, threshold, entries);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Coder<ArrayList<SourceIndex.Entry>> getAccumulatorCoder(
        CoderRegistry registry, Coder<SourceIndex.Entry> inputCoder) {
      return (Coder) SerializableCoder.of(ArrayList.class);
    }
  }
}
