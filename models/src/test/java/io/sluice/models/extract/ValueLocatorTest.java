package io.sluice.models.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueLocatorTest {
  private static String at(String text, int[] span) {
    int from = text.offsetByCodePoints(0, span[0]);
    return text.substring(from, text.offsetByCodePoints(from, span[1] - span[0]));
  }

  @Test
  void exactFindsEveryWholeWordOccurrence() {
    String text = "ITEM 1.00\nSUBTOTAL 31.00\nTOTAL 31.00\nCHANGE 1.00";
    ValueLocator.Located found = ValueLocator.locate(text, "31.00");
    assertEquals(ValueLocator.Strategy.EXACT, found.strategy());
    assertEquals(2, found.spans().size());
    // "1.00" inside "31.00" is not an occurrence: only the two standalone ones
    List<int[]> ones = ValueLocator.locate(text, "1.00").spans();
    assertEquals(2, ones.size());
    ones.forEach(s -> assertEquals("1.00", at(text, s)));
    assertEquals(5, ones.get(0)[0]);
  }

  @Test
  void normalisedIgnoresCaseAndLineBreaks() {
    String text = "Receipt\nNo 3 Jalan Permas\n81750  Masai\nTel 07";
    ValueLocator.Located found = ValueLocator.locate(text, "NO 3 JALAN PERMAS 81750 MASAI");
    assertEquals(ValueLocator.Strategy.NORMALISED, found.strategy());
    assertEquals("No 3 Jalan Permas\n81750  Masai", at(text, found.spans().get(0)));
  }

  @Test
  void linesFindAValueWhoseMiddleTheTextLacks() {
    String text = "MYDIN MART\n4-20\nSEKSYEN 25\nTEL: 03-5121";
    ValueLocator.Located found =
        ValueLocator.locate(text, "4-20, JALAN RIA 25/62 TAMAN SRI MUDA SEKSYEN 25, 40400 SHAH ALAM");
    assertEquals(ValueLocator.Strategy.LINES, found.strategy());
    assertEquals("4-20\nSEKSYEN 25", at(text, found.spans().get(0)));
  }

  @Test
  void fuzzyCoversOcrNoiseAndMissingPieces() {
    String text = "SANYU STATIONERY\nN0. 31G&33G\n40170 SETIA ALAM\nTEL 03-3362";
    ValueLocator.Located found = ValueLocator.locate(text, "NO. 31G&33G, JALAN SETIA INDAH X, 40170 SETIA ALAM");
    assertEquals(ValueLocator.Strategy.FUZZY, found.strategy());
    assertEquals("N0. 31G&33G\n40170 SETIA ALAM", at(text, found.spans().get(0)));
  }

  @Test
  void unrelatedValueIsNotFound() {
    ValueLocator.Located found = ValueLocator.locate("TOTAL 31.00\nTHANK YOU", "KEDAI RUNCIT AH HOCK");
    assertFalse(found.found());
    assertEquals(ValueLocator.Strategy.NONE, found.strategy());
  }

  @Test
  void offsetsAreCodePoints() {
    String text = "😀 caf\u00e9 TOTAL 9.50";
    int[] span = ValueLocator.locate(text, "9.50").spans().get(0);
    assertEquals(13, span[0]);
    assertEquals("9.50", at(text, span));
  }
}
