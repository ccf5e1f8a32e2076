package io.sluice.synth.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MinHash estimates against exact shingle Jaccard, computed here from the words themselves. */
class MinHasherTest {
  private final MinHasher minHash = new MinHasher(5, 128, 32);

  @Test
  void estimateTracksExactJaccardOnPairsFromIdenticalToUnrelated() {
    String base = GateTexts.document(1, 200);
    List<String> others = List.of(base, GateTexts.edit(base, 3), GateTexts.edit(base, 10), GateTexts.edit(base, 25),
        GateTexts.document(2, 200));
    for (String other : others) {
      double exact = exactJaccard(base, other, 5);
      double estimate = MinHasher.estimatedJaccard(minHash.signature(base), minHash.signature(other));
      // Standard error at 128 permutations is at most 0.044 (J = 0.5); 3.5 of them.
      assertEquals(exact, estimate, 0.155, "exact " + exact + " estimate " + estimate);
    }
    assertEquals(1.0, MinHasher.estimatedJaccard(minHash.signature(base), minHash.signature(base)));
  }

  @Test
  void caseSpacingAndPunctuationDoNotChangeTheSignature() {
    String text = "Order 1234 shipped to Springfield; thanks for waiting.";
    String same = "  order 1234 SHIPPED to springfield thanks,\nfor waiting!! ";
    assertArrayEquals(minHash.signature(text), minHash.signature(same));
    assertEquals(TextTokens.sequenceHash(TextTokens.hashes(text)), TextTokens.sequenceHash(TextTokens.hashes(same)));
    assertNull(minHash.signature("... --- !!!"));
  }

  @Test
  void textsShorterThanAShingleAreOneShingle() {
    assertArrayEquals(minHash.signature("two words"), minHash.signature("Two, words."));
    assertTrue(MinHasher.estimatedJaccard(minHash.signature("two words"), minHash.signature("three words")) < 0.2);
  }

  @Test
  void bandKeysAgreeExactlyWhenTheirRowsDo() {
    int[] a = minHash.signature(GateTexts.document(3, 150));
    int[] b = a.clone();
    b[0]++; // only band 0 differs
    long[] keysA = minHash.bandKeys(a);
    long[] keysB = minHash.bandKeys(b);
    assertTrue(keysA[0] != keysB[0]);
    for (int band = 1; band < 32; band++) {
      assertEquals(keysA[band], keysB[band]);
    }
  }

  static double exactJaccard(String a, String b, int k) {
    Set<String> sa = shingles(a, k);
    Set<String> sb = shingles(b, k);
    Set<String> union = new HashSet<>(sa);
    union.addAll(sb);
    sa.retainAll(sb);
    return (double) sa.size() / union.size();
  }

  private static Set<String> shingles(String text, int k) {
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + k <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + k)));
    }
    return out;
  }
}
