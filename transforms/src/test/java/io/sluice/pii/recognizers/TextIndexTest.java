package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextIndexTest {

  private static String[] regionTexts(String text, Candidates candidates) {
    int[] regions = candidates.regions(TextIndex.of(text));
    String[] out = new String[regions.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = text.substring(regions[2 * i], regions[2 * i + 1]);
    }
    return out;
  }

  @Test
  void tokensCarryCharacterFlags() {
    TextIndex index = TextIndex.of("  mail bob@x.org\u00a0at https://a.b 10:30:45\n");
    assertEquals(5, index.tokenCount());
    assertEquals(TextIndex.AT | TextIndex.DOT_LETTER, index.tokenFlags(1));
    assertEquals(0, index.tokenFlags(2)); // "at": the no-break space separated it
    assertTrue((index.tokenFlags(3) & TextIndex.URL_MARK) != 0);
    assertEquals(TextIndex.DIGIT | TextIndex.COLON | TextIndex.COLONS, index.tokenFlags(4));
  }

  @Test
  void numericChunksJoinNearbyDigitTokensOnly() {
    String text = "Call +1 (415) 555-2671 today, ref 42 and 7";
    assertArrayEquals(new String[] {"+1 (415) 555-2671"}, regionTexts(text, Candidates.numericChunks(7, 0)));
    assertArrayEquals(new String[] {"+1 (415) 555-2671", "42", "7"}, regionTexts(text, Candidates.numericChunks(1, 0)));
    assertArrayEquals(new String[] {"Call +1 (415) 555-2671 today,"}, regionTexts(text, Candidates.numericChunks(7, 1)));
  }

  @Test
  void digitRunsWithPadding() {
    String text = "id A12345678, n 12 and 987654321x";
    assertArrayEquals(new String[] {"A12345678,", " 987654321x"}, regionTexts(text, Candidates.digitRuns(8, 1, 1)));
  }

  @Test
  void tokensWithFlagAndLength() {
    String text = "a@b x@example.com 12:30 fe80::1";
    assertArrayEquals(new String[] {"x@example.com"}, regionTexts(text, Candidates.tokensWith(TextIndex.AT, 6)));
    assertArrayEquals(new String[] {"fe80::1"}, regionTexts(text, Candidates.tokensWith(TextIndex.COLONS, 3)));
  }

  @Test
  void emptyTextHasNoTokensOrRegions() {
    TextIndex index = TextIndex.of("");
    assertEquals(0, index.tokenCount());
    assertEquals(0, Candidates.wholeText().regions(index).length);
    assertEquals(0, Candidates.numericChunks(0, 3).regions(index).length);
  }
}
