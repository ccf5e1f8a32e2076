package io.sluice.models.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.sluice.models.batch.TokenBudgetBatcher;
import io.sluice.models.batch.WindowBatch;
import io.sluice.models.text.TextTokenizer;
import io.sluice.models.text.TokenizedText;
import io.sluice.models.text.Window;
import io.sluice.models.text.Windowing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokenizes texts, windows them, batches windows by token budget, runs the encoder plus a batch function, and
 * routes each row of the result back to its window. Per-token results are merged so each token takes its
 * output from the window where it sits farthest from a cut.
 */
final class WindowedRunner {
  private final LoadedEncoder encoder;
  private final TextTokenizer tokenizer;
  private final Windowing windowing;
  private final TokenBudgetBatcher batcher;
  private final InferenceStats stats;

  WindowedRunner(LoadedEncoder encoder, TextTokenizer tokenizer, Windowing windowing, TokenBudgetBatcher batcher,
      InferenceStats stats) {
    this.encoder = encoder;
    this.tokenizer = tokenizer;
    this.windowing = windowing;
    this.batcher = batcher;
    this.stats = stats;
  }

  List<TokenOutputs> perToken(List<String> texts, BatchFunction f) {
    return perToken(texts, encoder.config().numLayers(), f);
  }

  /** As {@link #perToken(List, BatchFunction)}, f running on the states after the first {@code layers} layers. */
  List<TokenOutputs> perToken(List<String> texts, int layers, BatchFunction f) {
    List<TokenizedText> tokenized = tokenize(texts);
    Map<Window, float[][]> byWindow = run(tokenized, f, true, layers);
    int prefix = tokenizer.prefix().length;
    List<TokenOutputs> out = new ArrayList<>();
    for (int t = 0; t < tokenized.size(); t++) {
      TokenizedText text = tokenized.get(t);
      float[][] values = new float[text.size()][];
      int[] best = new int[text.size()];
      java.util.Arrays.fill(best, -1);
      for (Map.Entry<Window, float[][]> e : byWindow.entrySet()) {
        Window w = e.getKey();
        if (w.textIndex() != t) {
          continue;
        }
        for (int i = w.start(); i < w.end(); i++) {
          int d = w.distanceFromCut(i);
          if (d > best[i]) {
            best[i] = d;
            values[i] = e.getValue()[prefix + i - w.start()];
          }
        }
      }
      out.add(new TokenOutputs(text.starts(), text.ends(), values));
    }
    return out;
  }

  /** Per text, the rows of each of its windows in order, with each window's content-token count. */
  List<List<WindowOutput>> perWindow(List<String> texts, BatchFunction f) {
    List<TokenizedText> tokenized = tokenize(texts);
    Map<Window, float[][]> byWindow = run(tokenized, f, false, encoder.config().numLayers());
    List<List<WindowOutput>> out = new ArrayList<>();
    for (int t = 0; t < tokenized.size(); t++) {
      out.add(new ArrayList<>());
    }
    byWindow.entrySet().stream()
        .sorted(java.util.Comparator.comparingInt((Map.Entry<Window, float[][]> e) -> e.getKey().start()))
        .forEach(e -> out.get(e.getKey().textIndex())
            .add(new WindowOutput(e.getKey().end() - e.getKey().start(), e.getValue()[0])));
    return out;
  }

  record WindowOutput(int contentTokens, float[] values) {}

  /**
   * Per text, its tokens and every window's states after the first {@code layers} layers, special tokens
   * included: the inputs of a layer trained to run on them ({@code io.sluice.models.encoder.ReplacementLayer}).
   */
  List<WindowStates> perWindowStates(List<String> texts, int layers) {
    List<TokenizedText> tokenized = tokenize(texts);
    Map<Window, float[][]> byWindow = run(tokenized, (hidden, mask) -> hidden, true, layers);
    List<WindowStates> out = new ArrayList<>();
    for (int t = 0; t < tokenized.size(); t++) {
      int text = t;
      List<WindowStates.Rows> windows = byWindow.entrySet().stream().filter(e -> e.getKey().textIndex() == text)
          .sorted(java.util.Comparator.comparingInt((Map.Entry<Window, float[][]> e) -> e.getKey().start()))
          .map(e -> new WindowStates.Rows(e.getKey().start(), e.getKey().end(), e.getValue())).toList();
      out.add(new WindowStates(tokenized.get(t).starts(), tokenized.get(t).ends(), tokenizer.prefix().length, windows));
    }
    return out;
  }

  private List<TokenizedText> tokenize(List<String> texts) {
    List<TokenizedText> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new IllegalArgumentException("text at index " + i + " is null");
      }
      out.add(tokenizer.tokenize(texts.get(i)));
    }
    return out;
  }

  /** Window -> rows: [seq][k] when perToken (padding rows dropped), else a single row [1][k]. */
  private Map<Window, float[][]> run(List<TokenizedText> tokenized, BatchFunction f, boolean perToken, int layers) {
    List<Window> windows = new ArrayList<>();
    for (int t = 0; t < tokenized.size(); t++) {
      windows.addAll(windowing.windows(t, tokenized.get(t), tokenizer.prefix(), tokenizer.suffix()));
    }
    List<WindowBatch> batches = batcher.batches(windows, tokenizer.padId());
    Map<Window, float[][]> out = new HashMap<>();
    long real = 0;
    long padded = 0;
    for (WindowBatch batch : batches) {
      real += batch.realTokens();
      padded += batch.paddedTokens();
      try (NDManager call = encoder.manager().newSubManager()) {
        NDArray hidden = encoder.forward(call, batch.ids(), batch.mask(), layers);
        NDArray result = f.apply(hidden, call.create(batch.mask())).toType(DataType.FLOAT32, false);
        float[] flat = result.toFloatArray();
        int k = (int) result.getShape().get(result.getShape().dimension() - 1);
        int seq = batch.seqLen();
        for (int b = 0; b < batch.windows().size(); b++) {
          Window w = batch.windows().get(b);
          int rows = perToken ? w.length() : 1;
          float[][] v = new float[rows][k];
          int base = perToken ? b * seq * k : b * k;
          for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, base + r * k, v[r], 0, k);
          }
          out.put(w, v);
        }
      }
    }
    stats.record(tokenized.size(), windows.size(), batches.size(), real, padded);
    return out;
  }
}
