package io.sluice.models.moderation;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Picks the per-category thresholds shipped with a head, on the tuning split (never on dev, which is only
 * reported). Each category takes its best-F1 point; then hate and toxicity, which together decide Davidson's
 * three classes (hate if hate passes, else offensive if toxicity passes, else neither), are re-picked jointly for
 * the best Davidson macro-F1 on the tuning split, weighted to Davidson's natural class proportions. That is the
 * decision rule the target is set on; their per-category F1 on the mixed tuning split moves a little for it.
 * Spam, likewise, is re-picked for its target, the best SMS spam F1 on the tuning split weighted to the SMS
 * set's natural ham/spam proportions: its per-category best-F1 point on the mixed split is held up by business
 * mail among the template hard negatives (subscription renewals, cancellation tickets with card numbers), which
 * scores like SMS spam; that text is what a policy's own, higher spam threshold is for.
 * No threshold goes below {@link #FLOOR}: on the template-only categories the tuning split is small and nearly
 * separable, and their best-F1 points fell as low as 0.05, where sentence chunks of ordinary business text (an
 * address line of an invoice) passed harassment and violence in the sample corpus sweep.
 */
final class ModerationThresholds {
  static final float FLOOR = 0.25f;
  /** The joint search's grid: every 0.01 from the floor to 0.98. */
  private static final int GRID_FROM = Math.round(FLOOR * 100);
  private static final int GRID_TO = 98;

  private ModerationThresholds() {}

  static float[] choose(List<LabeledText> tune, float[][] scores, ToDoubleFunction<LabeledText> weight) {
    float[] t = new float[ModerationCategory.count()];
    for (ModerationCategory c : ModerationCategory.values()) {
      boolean[] gold = new boolean[tune.size()];
      for (int i = 0; i < gold.length; i++) {
        gold[i] = tune.get(i).has(c);
      }
      t[c.ordinal()] = Math.max(FLOOR,
          (float) BinaryMetrics.bestF1Threshold(ModerationEvaluation.column(scores, c.ordinal()), gold));
    }
    repickSpamForSms(tune, scores, weight, t);
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

  /** Spam's threshold on the grid with the best weighted SMS spam F1; kept where the split has no SMS spam. */
  private static void repickSpamForSms(List<LabeledText> tune, float[][] scores, ToDoubleFunction<LabeledText> weight,
      float[] t) {
    int spam = ModerationCategory.SPAM.ordinal();
    double best = 0;
    float[] candidate = t.clone();
    for (int x = GRID_FROM; x <= GRID_TO; x++) {
      candidate[spam] = x / 100f;
      double f = ModerationEvaluation.sourcePrf(tune, scores, candidate, PublicModerationData.SMS,
          ModerationCategory.SPAM, weight)[2];
      if (f > best) {
        best = f;
        t[spam] = candidate[spam];
      }
    }
  }
}
