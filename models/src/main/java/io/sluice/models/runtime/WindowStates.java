package io.sluice.models.runtime;

import java.util.List;

/**
 * One text's tokens (code-point spans) and the encoder states of each of its windows, special tokens included:
 * window content token i of the text sits at row {@code prefix + i - start} of its window.
 */
public record WindowStates(int[] starts, int[] ends, int prefix, List<Rows> windows) {
  /** Content tokens [start, end) of the text and the window's rows [sequence length][hidden]. */
  public record Rows(int start, int end, float[][] values) {}
}
