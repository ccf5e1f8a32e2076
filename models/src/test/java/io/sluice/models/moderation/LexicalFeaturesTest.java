package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexicalFeaturesTest {
  private static final int BUCKETS = 1 << 12;

  @Test
  void normalisationFoldsCaseMentionsUrlsEntitiesAndElongations() {
    assertEquals(" user  you are soo rude  url ",
        LexicalFeatures.normalise("@bob You are SOOOOO rude http://t.co/x1"));
    assertEquals("dont   stop", LexicalFeatures.normalise("Don't &amp; stop"));
  }

  @Test
  void featuresHaveUnitNormWithWordsInTheFirstHalfAndCharacterGramsInTheSecond() {
    LexicalFeatures f = LexicalFeatures.fit(List.of("a quick test", "another test"), BUCKETS);
    LexicalFeatures.Sparse s = f.of("A quick test, a quick test!");
    double norm = 0;
    boolean words = false;
    boolean chars = false;
    for (int i = 0; i < s.indices().length; i++) {
      norm += s.values()[i] * s.values()[i];
      words |= s.indices()[i] < BUCKETS / 2;
      chars |= s.indices()[i] >= BUCKETS / 2;
      assertTrue(i == 0 || s.indices()[i] > s.indices()[i - 1], "ascending, distinct buckets");
    }
    assertEquals(1.0, norm, 1e-5);
    assertTrue(words && chars);
    assertEquals(0, f.of("   ").indices().length, "no words, no features");
  }

  @Test
  void aRareTermWeighsMoreThanACommonOneAndSpellingVariantsShareCharacterGrams() {
    LexicalFeatures f = LexicalFeatures.fit(List.of("the cat", "the dog", "the bird", "a fox"), BUCKETS);
    LexicalFeatures.Sparse s = f.of("the fox");
    int the = LexicalFeatures.hashedTerms("the", BUCKETS)[0];
    int fox = LexicalFeatures.hashedTerms("fox", BUCKETS)[0];
    assertTrue(value(s, fox) > value(s, the), "idf favours the rarer word");

    int[] a = LexicalFeatures.hashedTerms("haters", BUCKETS);
    int[] b = LexicalFeatures.hashedTerms("haaaaters", BUCKETS);
    assertArrayEquals(LexicalFeatures.hashedTerms("haaters", BUCKETS), b, "elongations are cut to two letters");
    long shared = Arrays.stream(a).filter(x -> x >= BUCKETS / 2 && Arrays.stream(b).anyMatch(y -> y == x)).count();
    assertTrue(shared >= 3, "character grams shared: " + shared);
  }

  @Test
  void digitRunsCurrencyAndCapitalsAddShapeTermsThatMarkupDoesNot() {
    int[] plain = LexicalFeatures.hashedTerms("call now to claim", BUCKETS);
    int[] phone = LexicalFeatures.hashedTerms("call 09061701461 now to claim", BUCKETS);
    int[] otherPhone = LexicalFeatures.hashedTerms("call 08712460324 now to claim", BUCKETS);
    int[] prize = LexicalFeatures.hashedTerms("WINNER claim £900", BUCKETS);
    Set<Integer> phoneOnly = difference(phone, plain);
    assertTrue(!intersection(phoneOnly, otherPhone).isEmpty(), "two 11-digit numbers share their shape term");
    assertTrue(difference(prize, LexicalFeatures.hashedTerms("winner claim 900", BUCKETS)).size() >= 2,
        "the currency sign and the capitals word add terms lower-casing and word splitting would lose");
    assertEquals(difference(LexicalFeatures.hashedTerms("lol &#128514; @bob99", BUCKETS), plain),
        difference(LexicalFeatures.hashedTerms("lol &#1; @bob", BUCKETS), plain),
        "the digits of an entity or a handle make no shape term");
  }

  private static Set<Integer> difference(int[] a, int[] b) {
    Set<Integer> out = new HashSet<>();
    Arrays.stream(a).forEach(out::add);
    Arrays.stream(b).forEach(out::remove);
    return out;
  }

  private static Set<Integer> intersection(Set<Integer> a, int[] b) {
    Set<Integer> out = new HashSet<>(a);
    out.retainAll(Arrays.stream(b).boxed().toList());
    return out;
  }

  private static float value(LexicalFeatures.Sparse s, int bucket) {
    int i = Arrays.binarySearch(s.indices(), bucket);
    return i < 0 ? 0 : s.values()[i];
  }
}
