package io.sluice.models.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.text.Window;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBudgetBatcherTest {
  private static Window window(int textIndex, int length) {
    return new Window(textIndex, 0, length, length, new long[length]);
  }

  @Test
  void batchesStayWithinBudgetAndSortByLength() {
    List<Window> windows = new ArrayList<>();
    int[] lengths = {5, 100, 7, 98, 6, 99, 50, 51};
    for (int i = 0; i < lengths.length; i++) {
      windows.add(window(i, lengths[i]));
    }
    List<WindowBatch> batches = new TokenBudgetBatcher(300, 64).batches(windows, 0);
    int total = 0;
    for (WindowBatch b : batches) {
      assertTrue(b.paddedTokens() <= 300, "batch over budget: " + b.paddedTokens());
      total += b.windows().size();
      for (int r = 0; r < b.windows().size(); r++) {
        int len = b.windows().get(r).length();
        for (int c = 0; c < b.seqLen(); c++) {
          assertEquals(c < len ? 1 : 0, b.mask()[r][c]);
        }
      }
    }
    assertEquals(lengths.length, total);
    // sorted: the three ~100-token windows share a batch, the short ones another
    assertEquals(List.of(100, 99, 98), batches.get(0).windows().stream().map(Window::length).toList());
    double sortedPadding = TokenBudgetBatcher.paddingFraction(batches);
    assertTrue(sortedPadding < 0.1, "padding " + sortedPadding);
  }

  @Test
  void paddingFractionCountsPaddedSlots() {
    List<WindowBatch> one = new TokenBudgetBatcher(1000, 64).batches(List.of(window(0, 20), window(1, 30)), 0);
    assertEquals(1, one.size());
    assertEquals(10.0 / 60.0, TokenBudgetBatcher.paddingFraction(one), 1e-9);
    // a much shorter window goes to its own batch instead of being padded to 30
    List<WindowBatch> two = new TokenBudgetBatcher(1000, 64).batches(List.of(window(0, 5), window(1, 30)), 0);
    assertEquals(2, two.size());
    assertEquals(0.0, TokenBudgetBatcher.paddingFraction(two), 1e-9);
  }

  @Test
  void maxBatchSizeAndOversizedWindowsAreHandled() {
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      windows.add(window(i, 4));
    }
    assertEquals(4, new TokenBudgetBatcher(10_000, 3).batches(windows, 0).size());
    // a window longer than the budget still runs, alone
    assertEquals(1, new TokenBudgetBatcher(8, 3).batches(List.of(window(0, 20)), 0).size());
    assertThrows(IllegalArgumentException.class, () -> new TokenBudgetBatcher(0, 3));
  }

  @Test
  void padIdFillsPaddingPositions() {
    WindowBatch b = new TokenBudgetBatcher(100, 8).batches(List.of(window(0, 3), window(1, 2)), 7).get(0);
    assertEquals(7, b.ids()[1][2]);
    assertEquals(0, b.ids()[1][0]);
  }
}
