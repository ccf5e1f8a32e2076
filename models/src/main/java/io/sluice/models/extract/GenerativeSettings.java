package io.sluice.models.extract;

import java.io.Serializable;

/**
 * How {@link GenerativeFieldExtractor} runs its decoder.
 *
 * @param device cpu, gpu, gpu:N or auto
 * @param maxNewTokens the most tokens one record's JSON may take; the constraint closes the JSON within it
 * @param batchSize sequences generated together (KV cache slots)
 */
public record GenerativeSettings(String device, int maxNewTokens, int batchSize) implements Serializable {
  public GenerativeSettings {
    if (maxNewTokens < 1 || batchSize < 1) {
      throw new IllegalArgumentException("max new tokens and batch size must be at least 1");
    }
  }

  public static GenerativeSettings defaults() {
    return new GenerativeSettings("cpu", 256, 8);
  }
}
