package io.sluice.models.runtime;

/**
 * Windowing and batching knobs. maxTokens 0 means the model's own limit; windowStride is the overlap between
 * consecutive windows of one text, in content tokens; batchTokenBudget bounds windows x padded length.
 */
public record RuntimeSettings(int maxTokens, int windowStride, int batchTokenBudget, int maxBatchSize) {
  public static final RuntimeSettings DEFAULTS = new RuntimeSettings(0, 128, 16384, 64);

  public RuntimeSettings {
    if (maxTokens < 0 || windowStride < 0 || batchTokenBudget <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("invalid runtime settings");
    }
  }
}
