package io.sluice.models.generate;

/** The generated continuation of one request: token ids (stop token excluded), text, and why it ended. */
public record GenerationResult(String id, long[] tokenIds, String text, int promptTokens, FinishReason finish,
    String error) {

  public enum FinishReason {
    /** An end token, a stop string, or a complete constrained output. */
    STOP,
    /** max_new_tokens (or the model's context) reached first. */
    LENGTH,
    /** The sequence could not continue (e.g. a constraint allowed no token); {@code error} says why. */
    ERROR
  }

  public int generatedTokens() {
    return tokenIds.length;
  }
}
