package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerFeaturesTest {
  private static final List<Gazetteer.Kind> ALL = List.of(Gazetteer.Kind.values());
  private static final List<Gazetteer.Kind> NAMES = NerModelConfig.Features.CASING_AND_NAMES.lists();
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
    float[][] rows = GazetteerFeatures.rows(text, starts, ends, ALL);
    assertEquals(GazetteerFeatures.width(ALL), rows[0].length);
    assertEquals(1f, own(ALL, rows[2])[FIRST]); // "aaron" after a hashtag sign
    assertEquals(0f, own(ALL, rows[1])[FIRST]); // the "#" itself is no word
    assertEquals(1f, own(ALL, rows[4])[PLACE]); // "united" as part of "united kingdom"
    assertEquals(1f, own(ALL, rows[5])[PLACE]);
    assertEquals(0f, own(ALL, rows[3])[PLACE]);
    assertEquals(1f, own(ALL, rows[8])[ORG]); // "and sons", a company suffix
    assertEquals(1f, own(ALL, rows[0])[COMMON]); // "met"
    // the left neighbour's flags come first: "aaron" sits right of "#"... and left of "in"
    assertEquals(1f, rows[3][FIRST]);
  }

  @Test
  void entriesDoNotSpanLineBreaks() {
    String text = "united\nkingdom";
    float[][] rows = GazetteerFeatures.rows(text, new int[] {0, 7}, new int[] {6, 14}, ALL);
    assertEquals(0f, own(ALL, rows[0])[PLACE]);
    assertEquals(0, GazetteerFeatures.rows("", new int[0], new int[0], ALL).length);
  }

  @Test
  void aSubsetOfListsCarriesOnlyItsFlagsInItsOwnOrder() {
    // tokens: aaron [0,5) smith [6,11) met [12,15) in [16,18) united [19,25) kingdom [26,33)
    String text = "aaron smith met in united kingdom";
    int[] starts = {0, 6, 12, 16, 19, 26};
    int[] ends = {5, 11, 15, 18, 25, 33};
    float[][] rows = GazetteerFeatures.rows(text, starts, ends, NAMES);
    assertEquals(GazetteerFeatures.width(NAMES), rows[0].length);
    assertEquals(3 * (2 * TokenFeatures.CONTEXT + 1), rows[0].length);
    float[][] all = GazetteerFeatures.rows(text, starts, ends, ALL);
    for (int t = 0; t < starts.length; t++) {
      float[] full = own(ALL, all[t]);
      float[] expected = {full[FIRST], full[Gazetteer.Kind.LAST_NAME.ordinal()], full[COMMON]};
      assertArrayEquals(expected, own(NAMES, rows[t]), "token " + t);
    }
    assertEquals(1f, own(NAMES, rows[0])[0]); // "aaron", a first name
    assertEquals(1f, own(NAMES, rows[1])[1]); // "smith", a last name
    assertEquals(1f, own(NAMES, rows[2])[2]); // "met", a common word
    assertArrayEquals(new float[3], own(NAMES, rows[4])); // "united" is listed only as a place
    assertEquals(1f, own(ALL, all[4])[PLACE]);
  }

  /** The token's own flags, between its left and right neighbours'. */
  private static float[] own(List<Gazetteer.Kind> kinds, float[] row) {
    int from = kinds.size() * TokenFeatures.CONTEXT;
    return java.util.Arrays.copyOfRange(row, from, from + kinds.size());
  }
}
