package io.sluice.models.batch;

import io.sluice.models.text.Window;
import java.util.List;

/** Windows run together, right-padded to the longest; ids and mask are [batch][seqLen]. */
public record WindowBatch(List<Window> windows, long[][] ids, long[][] mask) {
  public int seqLen() {
    return ids.length == 0 ? 0 : ids[0].length;
  }

  public long realTokens() {
    return windows.stream().mapToLong(Window::length).sum();
  }

  public long paddedTokens() {
    return (long) windows.size() * seqLen();
  }
}
