package io.sluice.models.runtime;

/**
 * Windowing and batching knobs. maxTokens 0 means the model's own limit; windowStride is the overlap between
 * consecutive windows of one text, in content tokens ({@link #AUTO_STRIDE}: a quarter of the window);
 * batchTokenBudget bounds windows x padded length.
 */
public record RuntimeSettings(int maxTokens, int windowStride, int batchTokenBudget, int maxBatchSize) {
  public static final int AUTO_STRIDE = -1;

  public RuntimeSettings {
    if (maxTokens < 0 || windowStride < AUTO_STRIDE || batchTokenBudget <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("invalid runtime settings");
    }
  }

  /** The overlap to use for windows of {@code windowTokens} (special tokens included). */
  public int strideFor(int windowTokens) {
    return windowStride == AUTO_STRIDE ? windowTokens / 4 : windowStride;
  }
}
