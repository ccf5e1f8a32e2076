package io.sluice.models.eval;

/** Counts of true positives, false positives and false negatives, and the measures computed from them. */
public record Scores(long truePositives, long falsePositives, long falseNegatives) {
  public static final Scores ZERO = new Scores(0, 0, 0);

  public Scores plus(Scores o) {
    return new Scores(truePositives + o.truePositives, falsePositives + o.falsePositives,
        falseNegatives + o.falseNegatives);
  }

  /** Precision; 0 when nothing was predicted (Presidio-research's convention would give NaN). */
  public double precision() {
    long predicted = truePositives + falsePositives;
    return predicted == 0 ? 0 : (double) truePositives / predicted;
  }

  public double recall() {
    long gold = truePositives + falseNegatives;
    return gold == 0 ? 0 : (double) truePositives / gold;
  }

  public double f1() {
    return fBeta(1);
  }

  /** Recall-weighted: missing PII costs more than redacting a word too many. */
  public double f2() {
    return fBeta(2);
  }

  public double fBeta(double beta) {
    double p = precision();
    double r = recall();
    double b2 = beta * beta;
    return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
  }

  public long support() {
    return truePositives + falseNegatives;
  }
}
