package io.sluice.models.runtime;

import java.util.List;

/** How the per-window results of one long text combine into one result for the text. */
public enum WindowAggregation {
  /** Average weighted by each window's content tokens (embeddings, softmax probabilities). */
  WEIGHTED_MEAN,
  /** Element-wise maximum (multi-label scores: a label present in any window is present in the text). */
  MAX;

  float[] combine(List<WindowedRunner.WindowOutput> windows) {
    int k = windows.get(0).values().length;
    float[] out = new float[k];
    if (this == MAX) {
      java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
      for (WindowedRunner.WindowOutput w : windows) {
        for (int i = 0; i < k; i++) {
          out[i] = Math.max(out[i], w.values()[i]);
        }
      }
      return out;
    }
    // an empty text has one window with no content tokens; weight it as 1 so the result is defined
    double total = windows.stream().mapToInt(w -> Math.max(1, w.contentTokens())).sum();
    for (WindowedRunner.WindowOutput w : windows) {
      float weight = (float) (Math.max(1, w.contentTokens()) / total);
      for (int i = 0; i < k; i++) {
        out[i] += weight * w.values()[i];
      }
    }
    return out;
  }
}
