package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
  @Test
  void perfectRankingHasAurocAndAveragePrecisionOne() {
    float[] s = {0.9f, 0.8f, 0.3f, 0.1f};
    boolean[] g = {true, true, false, false};
    assertEquals(1.0, BinaryMetrics.auroc(s, g), 1e-9);
    assertEquals(1.0, BinaryMetrics.averagePrecision(s, g), 1e-9);
  }

  @Test
  void aurocCountsTiesAsHalfAndMatchesHandComputedValue() {
    // pairs (pos, neg): (0.8,0.5) win, (0.8,0.8) tie, (0.4,0.5) loss, (0.4,0.8) loss -> 1.5 / 4
    float[] s = {0.8f, 0.4f, 0.5f, 0.8f};
    boolean[] g = {true, true, false, false};
    assertEquals(0.375, BinaryMetrics.auroc(s, g), 1e-9);
  }

  @Test
  void averagePrecisionMatchesScikitLearnDefinition() {
    // ranks: 0.9 pos (P=1), 0.7 neg, 0.6 pos (P=2/3): AP = 0.5*1 + 0.5*2/3
    float[] s = {0.9f, 0.7f, 0.6f, 0.1f};
    boolean[] g = {true, false, true, false};
    assertEquals(0.5 + 1.0 / 3, BinaryMetrics.averagePrecision(s, g), 1e-9);
  }

  @Test
  void metricsWithoutPositivesAreUndefinedNotZero() {
    float[] s = {0.2f, 0.4f};
    boolean[] g = {false, false};
    assertTrue(Double.isNaN(BinaryMetrics.auroc(s, g)));
    assertTrue(Double.isNaN(BinaryMetrics.averagePrecision(s, g)));
  }

  @Test
  void precisionRecallF1AtThreshold() {
    float[] s = {0.9f, 0.6f, 0.55f, 0.2f};
    boolean[] g = {true, false, true, true};
    BinaryMetrics.AtThreshold at = BinaryMetrics.at(s, g, 0.5);
    assertEquals(2, at.tp());
    assertEquals(1, at.fp());
    assertEquals(1, at.fn());
    assertEquals(2.0 / 3, at.precision(), 1e-9);
    assertEquals(2.0 / 3, at.recall(), 1e-9);
    assertEquals(2.0 / 3, at.f1(), 1e-9);
  }

  @Test
  void bestThresholdSeparatesCleanlySeparableScoresBetweenTheClasses() {
    float[] s = {0.9f, 0.7f, 0.3f, 0.1f};
    boolean[] g = {true, true, false, false};
    double t = BinaryMetrics.bestF1Threshold(s, g);
    assertTrue(t > 0.3 && t <= 0.7, "threshold " + t);
    assertEquals(1.0, BinaryMetrics.at(s, g, t).f1(), 1e-9);
  }
}
