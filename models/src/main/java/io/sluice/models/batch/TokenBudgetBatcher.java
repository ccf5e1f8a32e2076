package io.sluice.models.batch;

import io.sluice.models.text.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups windows into batches whose padded size (windows x longest window) stays within a token budget.
 * Windows are sorted by length first, so each batch holds similar lengths and little padding; a window less
 * than half as long as its batch's longest starts a new batch, which bounds padding per batch below half.
 */
public final class TokenBudgetBatcher {
  private final int tokenBudget;
  private final int maxBatchSize;

  public TokenBudgetBatcher(int tokenBudget, int maxBatchSize) {
    if (tokenBudget <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("token budget and max batch size must be positive");
    }
    this.tokenBudget = tokenBudget;
    this.maxBatchSize = maxBatchSize;
  }

  public List<WindowBatch> batches(List<Window> windows, long padId) {
    List<Window> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingInt(Window::length).reversed());
    List<WindowBatch> out = new ArrayList<>();
    List<Window> current = new ArrayList<>();
    for (Window w : sorted) {
      // sorted longest first: the first window of a batch sets its padded length
      int padded = current.isEmpty() ? w.length() : current.get(0).length();
      boolean full = (current.size() + 1) * padded > tokenBudget || current.size() == maxBatchSize;
      // a window under half the batch's length would be more padding than token: start a new batch
      boolean tooShort = w.length() * 2 < padded;
      if (!current.isEmpty() && (full || tooShort)) {
        out.add(pad(current, padId));
        current = new ArrayList<>();
      }
      current.add(w);
    }
    if (!current.isEmpty()) {
      out.add(pad(current, padId));
    }
    return out;
  }

  private static WindowBatch pad(List<Window> windows, long padId) {
    int seq = windows.get(0).length();
    long[][] ids = new long[windows.size()][seq];
    long[][] mask = new long[windows.size()][seq];
    for (int b = 0; b < windows.size(); b++) {
      long[] w = windows.get(b).ids();
      java.util.Arrays.fill(ids[b], padId);
      System.arraycopy(w, 0, ids[b], 0, w.length);
      java.util.Arrays.fill(mask[b], 0, w.length, 1L);
    }
    return new WindowBatch(List.copyOf(windows), ids, mask);
  }

  /** Share of padded slots that are padding, over a set of batches. */
  public static double paddingFraction(List<WindowBatch> batches) {
    long padded = batches.stream().mapToLong(WindowBatch::paddedTokens).sum();
    long real = batches.stream().mapToLong(WindowBatch::realTokens).sum();
    return padded == 0 ? 0 : (double) (padded - real) / padded;
  }
}
