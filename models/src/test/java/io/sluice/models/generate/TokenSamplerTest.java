package io.sluice.models.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
  private static final float[] LOGITS = {1.0f, 3.0f, 2.5f, -1.0f, 0.0f};
  private static final GenerationParams SAMPLE = new GenerationParams(true, 1.0, 0, 1.0, 1.0, 10, 0, Set.of(), List.of());

  private static int next(float[] logits, GenerationParams p, long seed, int... seen) {
    return TokenSampler.next(logits.clone(), p, new SplittableRandom(seed), seen, seen.length, null);
  }

  @Test
  void greedyTopOneAndTinyTopPAllPickTheMostLikelyToken() {
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(1, next(LOGITS, GenerationParams.greedy(5), seed));
      assertEquals(1, next(LOGITS, SAMPLE.sampling(1.0, 1, 1.0), seed));
      assertEquals(1, next(LOGITS, SAMPLE.sampling(1.0, 0, 0.01), seed));
    }
  }

  @Test
  void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogitsOfSeenTokens() {
    GenerationParams penalised = GenerationParams.greedy(5).withRepetitionPenalty(2.0);
    assertEquals(2, next(LOGITS, penalised, 0, 1)); // 3.0 / 2 = 1.5 < 2.5
    float[] negative = {-1.0f, -1.5f};
    assertEquals(1, next(negative, penalised, 0, 0)); // -1.0 * 2 = -2.0 < -1.5
  }

  @Test
  void drawsFollowTheTemperedSoftmaxRestrictedToTopK() {
    GenerationParams p = SAMPLE.sampling(2.0, 3, 1.0);
    SplittableRandom rng = new SplittableRandom(7);
    int[] counts = new int[LOGITS.length];
    int draws = 20000;
    for (int i = 0; i < draws; i++) {
      counts[TokenSampler.next(LOGITS.clone(), p, rng, new int[0], 0, null)]++;
    }
    double z = Math.exp(1.0 / 2) + Math.exp(3.0 / 2) + Math.exp(2.5 / 2);
    assertEquals(Math.exp(3.0 / 2) / z, counts[1] / (double) draws, 0.015);
    assertEquals(Math.exp(2.5 / 2) / z, counts[2] / (double) draws, 0.015);
    assertEquals(Math.exp(1.0 / 2) / z, counts[0] / (double) draws, 0.015);
    assertEquals(0, counts[3] + counts[4], "tokens outside the top 3 are never drawn");
  }

  @Test
  void topPKeepsTheSmallestSetReachingTheMass() {
    // probabilities at temperature 1: 0.50, 0.30, 0.15, 0.05 -> top_p 0.7 keeps the first two
    float[] logits = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)};
    SplittableRandom rng = new SplittableRandom(11);
    int[] counts = new int[4];
    for (int i = 0; i < 5000; i++) {
      counts[TokenSampler.next(logits.clone(), SAMPLE.sampling(1.0, 0, 0.7), rng, new int[0], 0, null)]++;
    }
    assertEquals(0, counts[2] + counts[3]);
    assertEquals(0.625, counts[0] / 5000.0, 0.03);
  }

  @Test
  void aConstraintThatAllowsNothingIsAnError() {
    LogitsConstraint none = new LogitsConstraint() {
      @Override
      public void maskLogits(float[] logits) {
        java.util.Arrays.fill(logits, Float.NEGATIVE_INFINITY);
      }

      @Override
      public void accept(int tokenId) {}

      @Override
      public boolean isComplete() {
        return false;
      }
    };
    assertThrows(IllegalStateException.class,
        () -> TokenSampler.next(LOGITS.clone(), SAMPLE, new SplittableRandom(1), new int[0], 0, none));
  }
}
