package io.sluice.pipelines.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.schemas.DocumentFindingCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleTopDocumentsTest {
  @Test
  void keepsTheDocumentsWithTheMostFindingsTiesGoingToTheSmallerId() {
    BundleTopDocuments top = new BundleTopDocuments(3);
    top.offer("d", 2);
    top.offer("none", 0);
    top.offer("c", 5);
    top.offer("b", 2);
    top.offer("a", 1);
    top.offer("e", 2);
    List<DocumentFindingCount> kept = top.drain();
    kept.sort(BundleTopDocuments.BEST_FIRST);
    assertEquals(List.of(new DocumentFindingCount("c", 5L), new DocumentFindingCount("b", 2L),
        new DocumentFindingCount("d", 2L)), kept);
    assertEquals(List.of(), top.drain());
  }
}
