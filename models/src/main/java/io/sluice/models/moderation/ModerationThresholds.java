package io.sluice.models.moderation;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Picks the per-category thresholds shipped with a head, on the tuning split (never on dev, which is only
 * reported). Each category takes its best-F1 point; then hate and toxicity, which together decide Davidson's
 * three classes (hate if hate passes, else offensive if toxicity passes, else neither), are re-picked jointly for
 * the best Davidson macro-F1 on the tuning split, weighted to Davidson's natural class proportions. That is the
 * decision rule the target is set on; their per-category F1 on the mixed tuning split moves a little for it.
 */
final class ModerationThresholds {
  /** The joint search's grid: every 0.01 from 0.02 to 0.98. */
  private static final int GRID_FROM = 2;
  private static final int GRID_TO = 98;

  private ModerationThresholds() {}

  static float[] choose(List<LabeledText> tune, float[][] scores, ToDoubleFunction<LabeledText> weight) {
    float[] t = new float[ModerationCategory.count()];
    for (ModerationCategory c : ModerationCategory.values()) {
      boolean[] gold = new boolean[tune.size()];
      for (int i = 0; i < gold.length; i++) {
        gold[i] = tune.get(i).has(c);
      }
      t[c.ordinal()] = (float) BinaryMetrics.bestF1Threshold(ModerationEvaluation.column(scores, c.ordinal()), gold);
    }
    double best = ModerationEvaluation.davidson(tune, scores, t, weight).macroF1();
    if (Double.isNaN(best)) {
      return t;
    }
    for (int h = GRID_FROM; h <= GRID_TO; h++) {
      for (int x = GRID_FROM; x <= GRID_TO; x++) {
        double f = ModerationEvaluation.davidson(tune, scores, h / 100f, x / 100f, weight).macroF1();
        if (f > best) {
          best = f;
          t[ModerationCategory.HATE.ordinal()] = h / 100f;
          t[ModerationCategory.TOXICITY.ordinal()] = x / 100f;
        }
      }
    }
    return t;
  }
}
