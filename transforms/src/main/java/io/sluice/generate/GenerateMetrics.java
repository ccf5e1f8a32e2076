package io.sluice.generate;

/** Names of the Beam metrics (namespace {@code sluice}) the Generate transform reports. */
public final class GenerateMetrics {
  public static final String GENERATIONS = "generations";
  public static final String PROMPT_TOKENS = "prompt_tokens";
  public static final String GENERATED_TOKENS = "generated_tokens";
  /** Per batch: generated tokens / batch wall seconds (Beam distributions hold longs). */
  public static final String TOKENS_PER_SECOND = "generated_tokens_per_s";
  public static final String BATCH_MS = "generate_batch_ms";
  /** Attempts beyond the first, made because an output failed validation. */
  public static final String RETRIES = "generate_retries";

  /** Dead-letter kinds. */
  public static final String BAD_PROMPT = "BAD_PROMPT";
  public static final String GENERATION_FAILED = "GENERATION_FAILED";
  public static final String INVALID_OUTPUT = "INVALID_OUTPUT";

  private GenerateMetrics() {}
}
