package io.sluice.models.generate;

/**
 * One sequence to generate: prompt token ids (special tokens already applied), parameters, and optionally a
 * factory for the constraint its output must satisfy (a fresh constraint per attempt).
 */
public record GenerationRequest(String id, long[] promptIds, GenerationParams params, ConstraintFactory constraints) {
  public GenerationRequest {
    if (promptIds.length == 0) {
      throw new IllegalArgumentException("request " + id + " has an empty prompt");
    }
  }
}
