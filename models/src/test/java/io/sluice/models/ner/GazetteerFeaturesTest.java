package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GazetteerFeaturesTest {
  private static final int OWN = GazetteerFeatures.PER_TOKEN * TokenFeatures.CONTEXT;
  private static final int FIRST = Gazetteer.Kind.FIRST_NAME.ordinal();
  private static final int PLACE = Gazetteer.Kind.PLACE.ordinal();
  private static final int ORG = Gazetteer.Kind.ORGANIZATION.ordinal();
  private static final int COMMON = Gazetteer.Kind.COMMON_WORD.ordinal();

  @Test
  void lowerCaseWordsAreLookedUpWholeAndInMultiWordEntries() {
    // tokens: met [0,3) #[4,5) aaron [5,10) in [11,13) united [14,20) kingdom [21,28) , [28,29) smith [30,35)
    // and [36,39) sons [40,44)
    String text = "met #aaron in united kingdom, smith and sons";
    int[] starts = {0, 4, 5, 11, 14, 21, 28, 30, 36, 40};
    int[] ends = {3, 5, 10, 13, 20, 28, 29, 35, 39, 44};
    float[][] rows = GazetteerFeatures.rows(text, starts, ends);
    assertEquals(GazetteerFeatures.WIDTH, rows[0].length);
    assertEquals(1f, own(rows[2])[FIRST]); // "aaron" after a hashtag sign
    assertEquals(0f, own(rows[1])[FIRST]); // the "#" itself is no word
    assertEquals(1f, own(rows[4])[PLACE]); // "united" as part of "united kingdom"
    assertEquals(1f, own(rows[5])[PLACE]);
    assertEquals(0f, own(rows[3])[PLACE]);
    assertEquals(1f, own(rows[8])[ORG]); // "and sons", a company suffix
    assertEquals(1f, own(rows[0])[COMMON]); // "met"
    // the left neighbour's flags come first: "aaron" sits right of "#"... and left of "in"
    assertEquals(1f, rows[3][FIRST]);
  }

  @Test
  void entriesDoNotSpanLineBreaks() {
    String text = "united\nkingdom";
    float[][] rows = GazetteerFeatures.rows(text, new int[] {0, 7}, new int[] {6, 14});
    assertEquals(0f, own(rows[0])[PLACE]);
    assertEquals(0, GazetteerFeatures.rows("", new int[0], new int[0]).length);
  }

  private static float[] own(float[] row) {
    return java.util.Arrays.copyOfRange(row, OWN, OWN + GazetteerFeatures.PER_TOKEN);
  }
}
