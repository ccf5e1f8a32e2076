package io.sluice.models.text;

/**
 * Content tokens [start, end) of text {@code textIndex}, encoded with special tokens around them.
 * {@code textLength} is the text's total content-token count, so a window knows which of its edges are cuts.
 */
public record Window(int textIndex, int start, int end, int textLength, long[] ids) {
  /** Sequence length including special tokens. */
  public int length() {
    return ids.length;
  }

  /**
   * How far content token {@code i} is from a cut edge of this window; edges that are the text's own start or
   * end are not cuts (the token there has all the context there is).
   */
  public int distanceFromCut(int i) {
    int left = start == 0 ? Integer.MAX_VALUE : i - start;
    int right = end == textLength ? Integer.MAX_VALUE : end - 1 - i;
    return Math.min(left, right);
  }
}
