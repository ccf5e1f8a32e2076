package io.sluice.pipelines.sweep;

import io.sluice.schemas.AnalyzedDocument;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.SimpleFunction;

/**
 * In report-only runs RedactPii emits no documents, so that no copy of the text leaves the job. The
 * sweep still writes one record per document to {@code documents/}, with its id, source and finding
 * counts and an empty text: the per-document report, and what the reconciliation counts as written.
 */
final class ReportedDocument extends SimpleFunction<AnalyzedDocument, RedactedDocument> {
  @Override
  public RedactedDocument apply(AnalyzedDocument analyzed) {
    Map<String, Integer> byEntity = new TreeMap<>();
    for (Finding finding : analyzed.getFindings()) {
      byEntity.merge(finding.getEntityType(), 1, Integer::sum);
    }
    return RedactedDocument.newBuilder()
        .setId(analyzed.getDocument().getId())
        .setText("")
        .setSource(analyzed.getDocument().getSource())
        .setFindingCount(analyzed.getFindings().size())
        .setEntityCounts(byEntity)
        .build();
  }
}
