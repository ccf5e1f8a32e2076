package io.sluice.models.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-category AUROC, AUPRC and precision/recall/F1 at given thresholds, for scored examples; plus the two
 * task-level numbers the issue sets targets for: Davidson macro-F1 over its own classes and SMS spam F1.
 */
public final class ModerationEvaluation {
  private ModerationEvaluation() {}

  public record CategoryRow(ModerationCategory category, int positives, int total, double auroc, double auprc,
      BinaryMetrics.AtThreshold atThreshold) {}

  public static List<CategoryRow> perCategory(List<LabeledText> examples, float[][] scores, float[] thresholds) {
    List<CategoryRow> rows = new ArrayList<>();
    for (ModerationCategory c : ModerationCategory.values()) {
      float[] s = column(scores, c.ordinal());
      boolean[] gold = new boolean[examples.size()];
      int positives = 0;
      for (int i = 0; i < gold.length; i++) {
        gold[i] = examples.get(i).has(c);
        positives += gold[i] ? 1 : 0;
      }
      rows.add(new CategoryRow(c, positives, gold.length, BinaryMetrics.auroc(s, gold),
          BinaryMetrics.averagePrecision(s, gold), BinaryMetrics.at(s, gold, thresholds[c.ordinal()])));
    }
    return rows;
  }

  /** Davidson's own classes, in the order of {@link DavidsonScores}' arrays. */
  public static final List<String> DAVIDSON_CLASSES = List.of(PublicModerationData.DAVIDSON_HATE,
      PublicModerationData.DAVIDSON_OFFENSIVE, PublicModerationData.DAVIDSON_NEITHER);

  /** Per-class precision, recall and F1 over Davidson's classes (hate, offensive, neither) and their mean F1. */
  public record DavidsonScores(double[] precision, double[] recall, double[] f1, double macroF1) {}

  /**
   * Our predictions mapped back onto Davidson's classes: hate if the hate score passes its threshold, else
   * offensive if toxicity passes, else neither. Examples weigh {@code weight} (their stratum's natural share);
   * non-Davidson examples are skipped. Macro-F1 is NaN without Davidson examples.
   */
  public static DavidsonScores davidson(List<LabeledText> examples, float[][] scores, float tHate, float tToxicity,
      java.util.function.ToDoubleFunction<LabeledText> weight) {
    double[][] confusion = new double[3][3];
    int n = 0;
    for (int i = 0; i < examples.size(); i++) {
      int gold = DAVIDSON_CLASSES.indexOf(examples.get(i).stratum());
      if (gold < 0) {
        continue;
      }
      float[] s = scores[i];
      int predicted = s[ModerationCategory.HATE.ordinal()] >= tHate ? 0
          : s[ModerationCategory.TOXICITY.ordinal()] >= tToxicity ? 1 : 2;
      confusion[gold][predicted] += weight.applyAsDouble(examples.get(i));
      n++;
    }
    double[] precision = new double[3];
    double[] recall = new double[3];
    double[] f1 = new double[3];
    for (int k = 0; k < 3; k++) {
      double tp = confusion[k][k];
      double fp = 0;
      double fn = 0;
      for (int j = 0; j < 3; j++) {
        fp += j == k ? 0 : confusion[j][k];
        fn += j == k ? 0 : confusion[k][j];
      }
      precision[k] = tp + fp == 0 ? 0 : tp / (tp + fp);
      recall[k] = tp + fn == 0 ? 0 : tp / (tp + fn);
      f1[k] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return new DavidsonScores(precision, recall, f1, n == 0 ? Double.NaN : (f1[0] + f1[1] + f1[2]) / 3);
  }

  /** {@link #davidson} at the category thresholds in force. */
  public static DavidsonScores davidson(List<LabeledText> examples, float[][] scores, float[] thresholds,
      java.util.function.ToDoubleFunction<LabeledText> weight) {
    return davidson(examples, scores, thresholds[ModerationCategory.HATE.ordinal()],
        thresholds[ModerationCategory.TOXICITY.ordinal()], weight);
  }

  /** Weighted precision, recall and F1 of one category on the examples from one source (e.g. "sms"). */
  public static double[] sourcePrf(List<LabeledText> examples, float[][] scores, float[] thresholds,
      String source, ModerationCategory category, java.util.function.ToDoubleFunction<LabeledText> weight) {
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (int i = 0; i < examples.size(); i++) {
      LabeledText e = examples.get(i);
      if (!e.source().equals(source)) {
        continue;
      }
      boolean predicted = scores[i][category.ordinal()] >= thresholds[category.ordinal()];
      double w = weight.applyAsDouble(e);
      if (predicted && e.has(category)) {
        tp += w;
      } else if (predicted) {
        fp += w;
      } else if (e.has(category)) {
        fn += w;
      }
    }
    return new double[] {tp / (tp + fp), tp / (tp + fn), tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)};
  }

  /** A Markdown table of the rows (also what EvalModeration prints). */
  public static String table(List<CategoryRow> rows) {
    StringBuilder sb = new StringBuilder(
        "| category | positives / examples | AUROC | AUPRC | threshold | precision | recall | F1 |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (CategoryRow r : rows) {
      BinaryMetrics.AtThreshold t = r.atThreshold();
      sb.append(String.format(Locale.ROOT, "| %s | %d / %d | %s | %s | %.3f | %s | %s | %s |%n",
          r.category().label(), r.positives(), r.total(), fmt(r.auroc()), fmt(r.auprc()), t.threshold(),
          fmt(t.precision()), fmt(t.recall()), fmt(t.f1())));
    }
    return sb.toString();
  }

  static float[] column(float[][] m, int j) {
    float[] out = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i][j];
    }
    return out;
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
