package io.sluice.pii.recognizers;

import java.util.Arrays;

/**
 * Where in a text a recognizer's regexes may match, as sorted, non-overlapping char regions
 * {@code [start0, end0, start1, end1, ...]}. Regexes run with transparent bounds, so lookarounds at a
 * region's edge see the real neighbours; a region must therefore only be wide enough to hold a match.
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

  /** Tokens carrying any of {@code flags} (see {@link TextIndex}) and at least {@code minLength} chars long. */
  public static Candidates tokensWith(int flags, int minLength) {
    return tokensWith(flags, minLength, 0);
  }

  /** As {@link #tokensWith(int, int)}, each region extended over the next {@code padTokensAfter} tokens. */
  public static Candidates tokensWith(int flags, int minLength, int padTokensAfter) {
    return new Candidates() {
      @Override
      public int[] regions(TextIndex index) {
        Regions out = new Regions();
        for (int i = 0; i < index.flaggedTokenCount(); i++) {
          int t = index.flaggedToken(i);
          if ((index.tokenFlags(t) & flags) != 0 && index.tokenEnd(t) - index.tokenStart(t) >= minLength) {
            out.add(index.tokenStart(t), index.tokenEnd(Math.min(index.tokenCount() - 1, t + padTokensAfter)));
          }
        }
        return out.toArray();
      }
    };
  }

  /**
   * Numeric chunks with at least {@code minDigits} digits, widened by {@code padTokens} tokens on each
   * side for words that belong to a match.
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

  /**
   * Runs of at least {@code minLength} consecutive digits, widened by {@code padBefore} and
   * {@code padAfter} chars for letters that belong to a match ("A12345678").
   */
  public static Candidates digitRuns(int minLength, int padBefore, int padAfter) {
    return new Candidates() {
      @Override
      public int[] regions(TextIndex index) {
        Regions out = new Regions();
        int length = index.text().length();
        for (int r = 0; r < index.digitRunCount(); r++) {
          int start = index.digitRunStart(r);
          int end = index.digitRunEnd(r);
          if (end - start >= minLength) {
            out.add(Math.max(0, start - padBefore), Math.min(length, end + padAfter));
          }
        }
        return out.toArray();
      }
    };
  }

  /** Collects regions in increasing order of start, merging those that touch or overlap. */
  static final class Regions {
    private static final int[] NONE = new int[0];
    /** Allocated on the first region: most recognizers find none in most texts. */
    private int[] pairs = NONE;
    private int size;

    void add(int start, int end) {
      if (size > 0 && start <= pairs[size - 1] + 1) {
        pairs[size - 1] = Math.max(pairs[size - 1], end);
        return;
      }
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, Math.max(16, size * 2));
      }
      pairs[size++] = start;
      pairs[size++] = end;
    }

    int[] toArray() {
      return size == 0 ? NONE : Arrays.copyOf(pairs, size);
    }
  }
}
