package io.sluice.pipelines.summary;

import io.sluice.schemas.DocumentFindingCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The documents with the most findings among those offered (one bundle's), ties broken by id. Each bundle keeps
 * its best {@code count}; the global best {@code count} are among the union of those, so the ranking needs no
 * shuffle: {@link TopDocumentsFile#read} merges the candidates.
 */
public final class BundleTopDocuments {
  /** Best first: most findings, then the smaller id, the order {@link TopDocumentsFile#read} returns. */
  static final Comparator<DocumentFindingCount> BEST_FIRST =
      Comparator.comparingLong(DocumentFindingCount::getFindings).reversed()
          .thenComparing(DocumentFindingCount::getDocId);

  private final int count;
  // Worst candidate at the head, so it is the one dropped when a better one arrives.
  private final PriorityQueue<DocumentFindingCount> kept = new PriorityQueue<>(BEST_FIRST.reversed());

  public BundleTopDocuments(int count) {
    this.count = count;
  }

  /** Considers a document; documents without findings are never ranked. */
  public void offer(String docId, long findings) {
    if (findings <= 0) {
      return;
    }
    DocumentFindingCount candidate = new DocumentFindingCount(docId, findings);
    if (kept.size() < count) {
      kept.add(candidate);
    } else if (BEST_FIRST.compare(candidate, kept.peek()) < 0) {
      kept.poll();
      kept.add(candidate);
    }
  }

  /** The candidates kept so far, in no particular order; empties this ranking. */
  public List<DocumentFindingCount> drain() {
    List<DocumentFindingCount> drained = new ArrayList<>(kept);
    kept.clear();
    return drained;
  }
}
