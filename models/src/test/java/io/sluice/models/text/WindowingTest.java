package io.sluice.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowingTest {
  private static final long[] CLS = {101};
  private static final long[] SEP = {102};

  private static TokenizedText tokens(int n) {
    long[] ids = new long[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = 1000 + i;
      starts[i] = i;
      ends[i] = i + 1;
    }
    return new TokenizedText(ids, starts, ends);
  }

  @Test
  void shortTextIsOneWindowWithSpecialTokens() {
    List<Window> w = new Windowing(8, 2).windows(0, tokens(3), CLS, SEP);
    assertEquals(1, w.size());
    assertArrayEquals(new long[] {101, 1000, 1001, 1002, 102}, w.get(0).ids());
  }

  @Test
  void longTextWindowsOverlapByStrideAndCoverEveryToken() {
    // 8 positions - 2 specials = 6 content tokens per window, advancing 4
    List<Window> w = new Windowing(8, 2).windows(3, tokens(15), CLS, SEP);
    assertEquals(List.of(0, 4, 8, 12), w.stream().map(Window::start).toList());
    assertEquals(List.of(6, 10, 14, 15), w.stream().map(Window::end).toList());
    w.forEach(x -> assertEquals(3, x.textIndex()));
    boolean[] covered = new boolean[15];
    w.forEach(x -> {
      for (int i = x.start(); i < x.end(); i++) {
        covered[i] = true;
      }
    });
    for (boolean c : covered) {
      assertEquals(true, c);
    }
  }

  @Test
  void distanceFromCutIgnoresTheTextsOwnEdges() {
    List<Window> w = new Windowing(8, 2).windows(0, tokens(15), CLS, SEP);
    assertEquals(5, w.get(0).distanceFromCut(0)); // the text's start is no cut: only the right cut counts
    assertEquals(0, w.get(0).distanceFromCut(5)); // last token before the cut
    assertEquals(0, w.get(1).distanceFromCut(4)); // first token after the cut
    assertEquals(1, w.get(1).distanceFromCut(5));
    assertEquals(2, w.get(3).distanceFromCut(14)); // only the left cut counts at the text end
  }

  @Test
  void emptyTextStillGetsOneWindow() {
    List<Window> w = new Windowing(8, 2).windows(0, tokens(0), CLS, SEP);
    assertEquals(1, w.size());
    assertArrayEquals(new long[] {101, 102}, w.get(0).ids());
  }

  @Test
  void strideThatLeavesNoProgressIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Windowing(8, 6).windows(0, tokens(20), CLS, SEP));
    assertThrows(IllegalArgumentException.class, () -> new Windowing(0, 0));
  }
}
