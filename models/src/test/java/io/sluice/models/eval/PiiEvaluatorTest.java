package io.sluice.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiEvaluatorTest {
  private static final String TEXT = "Dear Anna Berg, the office in Oslo is closed.";
  // Anna Berg = [5, 14), Oslo = [30, 34)
  private static final GoldDocument GOLD = new GoldDocument("d1", TEXT,
      List.of(new EntitySpan("PERSON", 5, 14), new EntitySpan("LOCATION", 30, 34)));

  @Test
  void perfectPredictionScoresOne() {
    EvaluationResult r = new PiiEvaluator(Set.of(), SkipWords.none(), 0.5).evaluate(List.of(GOLD), List.of(GOLD.spans()));
    assertEquals(1.0, r.spanTotal().f1(), 1e-9);
    assertEquals(1.0, r.tokenTotal().f2(), 1e-9);
    assertEquals(3, r.tokenTotal().truePositives()); // Anna, Berg, Oslo
  }

  @Test
  void partialAndWrongTypeCountAtTokenAndSpanLevel() {
    // "Anna" only (overlap 4/9 < 0.5) and Oslo predicted as ORGANIZATION
    List<EntitySpan> predicted = List.of(new EntitySpan("PERSON", 5, 9), new EntitySpan("ORGANIZATION", 30, 34));
    EvaluationResult r = new PiiEvaluator(Set.of("PERSON", "LOCATION", "ORGANIZATION"), SkipWords.none(), 0.5)
        .evaluate(List.of(GOLD), List.of(predicted));
    Scores personTokens = r.tokenLevel().get("PERSON");
    assertEquals(new Scores(1, 0, 1), personTokens);
    assertEquals(new Scores(0, 1, 1), r.spanLevel().get("PERSON"));
    assertEquals(new Scores(0, 0, 1), r.tokenLevel().get("LOCATION"));
    assertEquals(new Scores(0, 1, 0), r.tokenLevel().get("ORGANIZATION"));
    assertEquals(0.5, personTokens.recall(), 1e-9);
    // F2 weighs recall: P=1, R=0.5 -> 5*0.5/(4+0.5)
    assertEquals(5 * 0.5 / 4.5, personTokens.f2(), 1e-9);
  }

  @Test
  void skipWordsAreIgnoredOnlyWhereGoldAndPredictionDisagree() {
    // predicting "Dear Anna Berg" adds "Dear" and ", " is outside: "dear" is a skip word here
    List<EntitySpan> predicted = List.of(new EntitySpan("PERSON", 0, 14));
    EvaluationResult strict = new PiiEvaluator(Set.of("PERSON"), SkipWords.none(), 0.5)
        .evaluate(List.of(GOLD), List.of(predicted));
    EvaluationResult lenient = new PiiEvaluator(Set.of("PERSON"), SkipWords.of(Set.of("Dear")), 0.5)
        .evaluate(List.of(GOLD), List.of(predicted));
    assertEquals(1, strict.tokenLevel().get("PERSON").falsePositives());
    assertEquals(0, lenient.tokenLevel().get("PERSON").falsePositives());
    assertEquals(2, lenient.tokenLevel().get("PERSON").truePositives());
  }

  @Test
  void offsetsAreCodePointsWithNonBmpText() {
    String text = "\uD83D\uDE00\uD83D\uDE00 Anna Berg"; // two emoji, then the name at code points [3, 12)
    GoldDocument g = new GoldDocument("e", text, List.of(new EntitySpan("PERSON", 3, 12)));
    EvaluationResult r = new PiiEvaluator(Set.of(), SkipWords.none(), 0.5)
        .evaluate(List.of(g), List.of(List.of(new EntitySpan("PERSON", 3, 12))));
    assertEquals(2, r.tokenLevel().get("PERSON").truePositives());
    assertThrows(IllegalArgumentException.class,
        () -> new GoldDocument("e", text, List.of(new EntitySpan("PERSON", 3, 14))));
  }

  @Test
  void entityMappingRenamesBeforeScoring() {
    EntityMapping map = EntityMapping.parse("PER=PERSON, LOC=LOCATION");
    GoldDocument other = new GoldDocument("d1", TEXT,
        List.of(new EntitySpan("PER", 5, 14), new EntitySpan("LOC", 30, 34)));
    EvaluationResult r = new PiiEvaluator(Set.of(), SkipWords.none(), 0.5)
        .evaluate(List.of(map.apply(other)), List.of(GOLD.spans()));
    assertEquals(1.0, r.spanTotal().f1(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> EntityMapping.parse("PER"));
  }

  @Test
  void mismatchedListsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new PiiEvaluator(Set.of(), SkipWords.none(), 0.5).evaluate(List.of(GOLD), List.of()));
  }
}
