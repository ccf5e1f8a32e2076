package io.sluice.models.moderation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Threshold-free and thresholded metrics for one binary label: AUROC (probability a random positive outscores a
 * random negative, ties counted half), AUPRC as average precision (the step-wise area scikit-learn reports),
 * and precision/recall/F1 at a threshold (score >= threshold is positive). NaN where undefined (no positives).
 */
public final class BinaryMetrics {
  private BinaryMetrics() {}

  public record AtThreshold(double threshold, int tp, int fp, int fn, double precision, double recall, double f1) {}

  public static double auroc(float[] scores, boolean[] gold) {
    Integer[] order = sortedAscending(scores);
    long pos = 0;
    long neg = 0;
    double rankSum = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (gold[order[k]]) {
          rankSum += midRank;
          pos++;
        } else {
          neg++;
        }
      }
      i = j + 1;
    }
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  public static double averagePrecision(float[] scores, boolean[] gold) {
    Integer[] order = sortedAscending(scores);
    long totalPos = 0;
    for (boolean g : gold) {
      totalPos += g ? 1 : 0;
    }
    if (totalPos == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long tp = 0;
    long seen = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      long newTp = 0;
      for (int k = j; k <= i; k++) {
        newTp += gold[order[k]] ? 1 : 0;
      }
      tp += newTp;
      seen += i - j + 1;
      ap += (double) newTp / totalPos * ((double) tp / seen);
      i = j - 1;
    }
    return ap;
  }

  public static AtThreshold at(float[] scores, boolean[] gold, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (predicted && gold[i]) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (gold[i]) {
        fn++;
      }
    }
    double p = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    double f1 = tp == 0 ? (tp + fn == 0 ? Double.NaN : 0) : 2.0 * tp / (2.0 * tp + fp + fn);
    return new AtThreshold(threshold, tp, fp, fn, p, r, f1);
  }

  /**
   * The threshold with the best F1, placed halfway between the deciding score and the next lower one so a
   * slightly different score on another machine does not flip it. 0.5 when there are no positives.
   */
  public static double bestF1Threshold(float[] scores, boolean[] gold) {
    float[] distinct = scores.clone();
    Arrays.sort(distinct);
    double best = 0.5;
    double bestF1 = -1;
    for (int i = distinct.length - 1; i >= 0; i--) {
      if (i < distinct.length - 1 && distinct[i] == distinct[i + 1]) {
        continue;
      }
      double f1 = at(scores, gold, distinct[i]).f1();
      if (!Double.isNaN(f1) && f1 > bestF1) {
        bestF1 = f1;
        int lower = i - 1;
        while (lower >= 0 && distinct[lower] == distinct[i]) {
          lower--;
        }
        best = lower >= 0 ? (distinct[i] + distinct[lower]) / 2.0 : distinct[i];
      }
    }
    return best;
  }

  private static Integer[] sortedAscending(float[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }
}
