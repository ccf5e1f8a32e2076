package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenFeaturesTest {
  private static final int OWN = TokenFeatures.PER_TOKEN * TokenFeatures.CONTEXT;

  @Test
  void casingIsSeenPerTokenWordAndLine() {
    // "Dear Anna mcdonald\nSHIP TO" tokens: Dear [0,4) Anna [5,9) mc [10,12) ##donald [12,18) SHIP [19,23) TO [24,26)
    String text = "Dear Anna mcdonald\nSHIP TO";
    int[] starts = {0, 5, 10, 12, 19, 24};
    int[] ends = {4, 9, 12, 18, 23, 26};
    float[][] rows = TokenFeatures.rows(text, starts, ends);
    assertEquals(TokenFeatures.WIDTH, rows[0].length);
    float[] anna = own(rows[1]);
    assertEquals(1f, anna[1]); // first letter upper
    assertEquals(1f, anna[15]); // title case word
    assertEquals(0f, anna[8]); // not at line start
    float[] donald = own(rows[3]);
    assertEquals(1f, donald[0]); // word piece continuing "mc"
    assertEquals(1f, donald[3]); // lower case
    float[] ship = own(rows[4]);
    assertEquals(1f, ship[8]); // line start
    assertEquals(1f, ship[10]); // line mostly upper case
    assertEquals(0f, ship[12]); // the document has capitals
    // neighbours: Anna's row carries Dear's features on its left
    assertEquals(own(rows[0])[1], rows[1][0 + 1]);
  }

  @Test
  void nonBmpTextAndEmptyTokensAreHandled() {
    String text = "\uD83D\uDE00 anna"; // emoji is one code point: anna = [2, 6)
    float[][] rows = TokenFeatures.rows(text, new int[] {0, 2}, new int[] {1, 6});
    assertEquals(1f, own(rows[1])[12]); // no capital anywhere
    assertEquals(1f, own(rows[0])[7]); // the emoji is neither letter nor digit
    assertEquals(0, TokenFeatures.rows("", new int[0], new int[0]).length);
  }

  private static float[] own(float[] row) {
    return java.util.Arrays.copyOfRange(row, OWN, OWN + TokenFeatures.PER_TOKEN);
  }
}
