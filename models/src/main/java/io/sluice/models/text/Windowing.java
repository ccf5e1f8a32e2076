package io.sluice.models.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits tokenized texts into windows that fit the model, overlapping by {@code stride} content tokens so that
 * every token also appears away from a cut in some window. Every token of every text lands in at least one
 * window; an empty text gets one window of special tokens only.
 */
public final class Windowing {
  private final int maxTokens;
  private final int stride;

  /**
   * @param maxTokens longest sequence the model takes, special tokens included
   * @param stride content tokens shared by consecutive windows of one text
   */
  public Windowing(int maxTokens, int stride) {
    if (maxTokens <= 0 || stride < 0) {
      throw new IllegalArgumentException("maxTokens must be positive and stride non-negative");
    }
    this.maxTokens = maxTokens;
    this.stride = stride;
  }

  public List<Window> windows(int textIndex, TokenizedText text, long[] prefix, long[] suffix) {
    int content = maxTokens - prefix.length - suffix.length;
    if (content <= stride) {
      throw new IllegalArgumentException("stride " + stride + " leaves no room to advance in windows of "
          + content + " content tokens");
    }
    int n = text.size();
    List<Window> out = new ArrayList<>();
    for (int start = 0; ; start += content - stride) {
      int end = Math.min(start + content, n);
      out.add(new Window(textIndex, start, end, n, withSpecials(text.ids(), start, end, prefix, suffix)));
      if (end == n) {
        return out;
      }
    }
  }

  private static long[] withSpecials(long[] ids, int start, int end, long[] prefix, long[] suffix) {
    long[] out = new long[prefix.length + (end - start) + suffix.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(ids, start, out, prefix.length, end - start);
    System.arraycopy(suffix, 0, out, prefix.length + end - start, suffix.length);
    return out;
  }
}
