package io.sluice.models.runtime;

import io.sluice.models.batch.TokenBudgetBatcher;
import io.sluice.models.encoder.EncoderConfig;
import io.sluice.models.encoder.Pooling;
import io.sluice.models.heads.HeadConfig;
import io.sluice.models.text.TextTokenizer;
import io.sluice.models.text.Windowing;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded encoder with its tokenizer and windowing/batching settings: the object transforms share per JVM
 * (see {@link ModelCache}). Texts of any length are fully covered by overlapping windows; all methods are
 * thread-safe.
 */
public final class EncoderModel implements AutoCloseable {
  private final String id;
  private final LoadedEncoder encoder;
  private final TextTokenizer tokenizer;
  private final Pooling pooling;
  private final InferenceStats stats = new InferenceStats();
  private final WindowedRunner runner;
  private final int maxTokens;
  private final HeadConfig head;

  /** {@code head} describes {@code encoder.head()}, or is null for a bare encoder. */
  public EncoderModel(String id, LoadedEncoder encoder, TextTokenizer tokenizer, Pooling pooling, HeadConfig head,
      RuntimeSettings settings) {
    if ((head == null) != (encoder.head() == null)) {
      throw new IllegalArgumentException("head description and head block must come together");
    }
    this.id = id;
    this.head = head;
    this.encoder = encoder;
    this.tokenizer = tokenizer;
    this.pooling = pooling;
    this.maxTokens = settings.maxTokens() > 0
        ? Math.min(settings.maxTokens(), encoder.config().maxTokens()) : encoder.config().maxTokens();
    this.runner = new WindowedRunner(encoder, tokenizer, new Windowing(maxTokens, settings.strideFor(maxTokens)),
        new TokenBudgetBatcher(Math.max(settings.batchTokenBudget(), maxTokens), settings.maxBatchSize()), stats);
  }

  public String id() {
    return id;
  }

  public EncoderConfig config() {
    return encoder.config();
  }

  /** The classification head's description, or null for a bare encoder. */
  public HeadConfig head() {
    return head;
  }

  public Pooling pooling() {
    return pooling;
  }

  public int maxTokens() {
    return maxTokens;
  }

  public LoadedEncoder encoder() {
    return encoder;
  }

  public TextTokenizer tokenizer() {
    return tokenizer;
  }

  public InferenceStats stats() {
    return stats;
  }

  /** last_hidden_state of every content token of every text, merged across windows. */
  public List<TokenOutputs> tokenStates(List<String> texts) {
    return runner.perToken(texts, (hidden, mask) -> hidden);
  }

  /** Sentence embeddings, pooled as the model's authors pool them and L2-normalized. */
  public float[][] embed(List<String> texts) {
    float[][] out = perText(texts, (hidden, mask) -> pooling.pool(hidden, mask), WindowAggregation.WEIGHTED_MEAN);
    for (float[] v : out) {
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return out;
  }

  /** Runs f per batch and merges per-token rows across windows (for token-level heads). */
  public List<TokenOutputs> perToken(List<String> texts, BatchFunction f) {
    return runner.perToken(texts, f);
  }

  /**
   * As {@link #perToken(List, BatchFunction)}, f running on the states after the first {@code layers} layers
   * (a task's own top layers, see {@code io.sluice.models.encoder.ReplacementLayer}).
   */
  public List<TokenOutputs> perToken(List<String> texts, int layers, BatchFunction f) {
    return runner.perToken(texts, layers, f);
  }

  /** Per text, every window's states after the first {@code layers} layers, special tokens included. */
  public List<WindowStates> windowStates(List<String> texts, int layers) {
    return runner.perWindowStates(texts, layers);
  }

  /** Runs f per batch (one row per window) and combines each text's windows into one row. */
  public float[][] perText(List<String> texts, BatchFunction f, WindowAggregation aggregation) {
    List<float[]> out = new ArrayList<>();
    for (List<WindowedRunner.WindowOutput> windows : runner.perWindow(texts, f)) {
      out.add(aggregation.combine(windows));
    }
    return out.toArray(new float[0][]);
  }

  @Override
  public void close() {
    encoder.close();
    tokenizer.close();
  }
}
