package io.sluice.pii.recognizers;

import java.util.Arrays;

/**
 * Where in a text a recognizer's regexes may match, as sorted, non-overlapping char regions
 * {@code [start0, end0, start1, end1, ...]}. Regions are whole tokens, so word-boundary lookarounds at
 * their edges see the same neighbours as over the whole text.
 */
public abstract class Candidates {

  /** Regions of {@code index}'s text, flattened start/end pairs. */
  public abstract int[] regions(TextIndex index);

  /** The whole text: for user regexes, whose needs are unknown. */
  public static Candidates wholeText() {
    return new Candidates() {
      @Override
      public int[] regions(TextIndex index) {
        return index.text().isEmpty() ? new int[0] : new int[] {0, index.text().length()};
      }
    };
  }

  /** Tokens carrying any of {@code flags} (see {@link TextIndex}). */
  public static Candidates tokensWith(int flags) {
    return new Candidates() {
      @Override
      public int[] regions(TextIndex index) {
        Regions out = new Regions();
        for (int t = 0; t < index.tokenCount(); t++) {
          if ((index.tokenFlags(t) & flags) != 0) {
            out.add(index.tokenStart(t), index.tokenEnd(t));
          }
        }
        return out.toArray();
      }
    };
  }

  /**
   * Numeric chunks with at least {@code minDigits} digits, widened by {@code padTokens} tokens on each
   * side for words that belong to a match (month names, "DE" before IBAN digits are inside the token).
   */
  public static Candidates numericChunks(int minDigits, int padTokens) {
    return new Candidates() {
      @Override
      public int[] regions(TextIndex index) {
        Regions out = new Regions();
        for (int c = 0; c < index.chunkCount(); c++) {
          if (index.chunkDigits(c) >= minDigits) {
            int first = Math.max(0, index.chunkFirstToken(c) - padTokens);
            int last = Math.min(index.tokenCount() - 1, index.chunkLastToken(c) + padTokens);
            out.add(index.tokenStart(first), index.tokenEnd(last));
          }
        }
        return out.toArray();
      }
    };
  }

  /** Collects regions in increasing order, merging those that touch or overlap. */
  private static final class Regions {
    private int[] pairs = new int[16];
    private int size;

    void add(int start, int end) {
      if (size > 0 && start <= pairs[size - 1] + 1) {
        pairs[size - 1] = Math.max(pairs[size - 1], end);
        return;
      }
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
      }
      pairs[size++] = start;
      pairs[size++] = end;
    }

    int[] toArray() {
      return Arrays.copyOf(pairs, size);
    }
  }
}
