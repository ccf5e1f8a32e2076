package io.sluice.pipelines.summary;

import io.sluice.schemas.RedactedDocument;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The documents with the most findings, as one JSON line each (written and read by
 * {@link TopDocumentsFile}). Metrics cannot rank, so the ranking is computed in the pipeline.
 */
public final class TopDocuments extends PTransform<PCollection<RedactedDocument>, PCollection<String>> {
  private final int count;

  public TopDocuments(int count) {
    this.count = count;
  }

  @Override
  public PCollection<String> expand(PCollection<RedactedDocument> documents) {
    return documents
        .apply("WithFindings", Filter.by(d -> d.getFindingCount() > 0))
        .apply("IdAndCount", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
            .via(d -> KV.of(d.getId(), (long) d.getFindingCount())))
        .apply("Top", Top.of(count, new ByCountThenId()))
        .apply("Lines", FlatMapElements.into(TypeDescriptors.strings())
            .via((List<KV<String, Long>> top) -> top.stream().map(TopDocumentsFile::line).toList()));
  }

  /** Most findings first; ties broken by id so every runner ranks the same way. */
  static final class ByCountThenId implements Comparator<KV<String, Long>>, Serializable {
    @Override
    public int compare(KV<String, Long> a, KV<String, Long> b) {
      int byCount = Long.compare(a.getValue(), b.getValue());
      return byCount != 0 ? byCount : b.getKey().compareTo(a.getKey());
    }
  }
}
