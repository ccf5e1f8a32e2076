package io.sluice.models.ner;

/**
 * Casing and shape features per token, computed from the original text. The embedded encoders are uncased
 * ("Apple" and "apple" give the same states), so these are what lets the head use capitalisation, and the
 * line- and document-level casing flags tell it when capitalisation means nothing (all-caps labels,
 * lower-case chat). Each token's row holds its own features and its neighbours'.
 */
public final class TokenFeatures {
  /** Features of one token. */
  public static final int PER_TOKEN = 16;
  /** Neighbours on each side whose features are appended. */
  public static final int CONTEXT = 1;
  /** Width of one token's feature row. */
  public static final int WIDTH = PER_TOKEN * (2 * CONTEXT + 1);

  private TokenFeatures() {}

  /**
   * @param text the text the tokens come from
   * @param starts token starts in code points
   * @param ends token ends in code points (exclusive)
   * @return [tokens][WIDTH] feature rows
   */
  public static float[][] rows(String text, int[] starts, int[] ends) {
    Index x = new Index(text.codePoints().toArray());
    int n = starts.length;
    float[][] own = new float[n][];
    for (int i = 0; i < n; i++) {
      own[i] = own(x, starts, ends, i);
    }
    return withNeighbours(own, PER_TOKEN);
  }

  /**
   * Each token's row: the {@code perToken} features of its {@link #CONTEXT} left neighbours, its own, then its right
   * neighbours' (zeros past either end of the text).
   */
  static float[][] withNeighbours(float[][] own, int perToken) {
    int n = own.length;
    float[][] rows = new float[n][perToken * (2 * CONTEXT + 1)];
    for (int i = 0; i < n; i++) {
      for (int k = -CONTEXT; k <= CONTEXT; k++) {
        int j = i + k;
        if (j >= 0 && j < n) {
          System.arraycopy(own[j], 0, rows[i], (k + CONTEXT) * perToken, perToken);
        }
      }
    }
    return rows;
  }

  private static float[] own(Index x, int[] starts, int[] ends, int i) {
    float[] f = new float[PER_TOKEN];
    int[] cps = x.cps;
    int s = Math.min(starts[i], cps.length);
    int e = Math.max(Math.min(ends[i], cps.length), s);
    int at = Math.min(s, Math.max(cps.length - 1, 0));
    boolean continuation = i > 0 && ends[i - 1] == s && s > 0 && Character.isLetterOrDigit(cps[s - 1]);
    int wordStart = cps.length == 0 ? 0 : Math.min(x.wordStart[at], s);
    int wordEnd = cps.length == 0 ? 0 : Math.max(x.wordEnd[at], e);
    int lineStart = cps.length == 0 ? 0 : x.lineStart[at];
    int lineEnd = cps.length == 0 ? 0 : x.lineEnd[at];
    int tokenLetters = x.letters(s, e);
    int wordLetters = x.letters(wordStart, wordEnd);
    int lineLetters = x.letters(lineStart, lineEnd);
    f[0] = flag(continuation);
    f[1] = flag(Character.isUpperCase(x.firstLetter(s, e)));
    f[2] = flag(tokenLetters > 0 && x.upper(s, e) == tokenLetters);
    f[3] = flag(tokenLetters > 0 && x.upper(s, e) == 0);
    f[4] = flag(Character.isUpperCase(x.firstLetter(wordStart, wordEnd)));
    f[5] = flag(wordLetters >= 2 && x.upper(wordStart, wordEnd) == wordLetters);
    f[6] = flag(x.digits(s, e) > 0);
    f[7] = flag(tokenLetters == 0 && x.digits(s, e) == 0);
    f[8] = flag(x.blank(lineStart, s));
    f[9] = flag(afterSentenceEnd(x, s, lineStart));
    f[10] = flag(lineLetters >= 4 && x.upper(lineStart, lineEnd) >= 0.7 * lineLetters);
    f[11] = flag(lineLetters > 0 && x.upper(lineStart, lineEnd) == 0);
    f[12] = flag(x.upper(0, cps.length) == 0);
    f[13] = flag(x.blank(wordEnd, lineEnd));
    f[14] = flag(previousNonSpace(cps, wordStart) == ',');
    f[15] = flag(wordLetters >= 2 && Character.isUpperCase(x.firstLetter(wordStart, wordEnd))
        && x.upper(wordStart, wordEnd) == 1);
    return f;
  }

  private static float flag(boolean b) {
    return b ? 1f : 0f;
  }

  private static boolean afterSentenceEnd(Index x, int s, int lineStart) {
    int p = previousNonSpace(x.cps, s);
    return p == -1 || p == '.' || p == '!' || p == '?' || p == ':' || x.blank(lineStart, s);
  }

  /** Looks back a few characters only: enough to see the previous punctuation mark on the line. */
  private static int previousNonSpace(int[] cps, int s) {
    for (int i = s - 1; i >= 0 && i >= s - 8; i--) {
      if (!Character.isWhitespace(cps[i])) {
        return cps[i];
      }
    }
    return -1;
  }

  /** Prefix counts and word/line bounds per code point, so every feature costs O(1) per token. */
  private static final class Index {
    final int[] cps;
    final int[] letterPrefix;
    final int[] upperPrefix;
    final int[] digitPrefix;
    final int[] spacePrefix;
    final int[] wordStart;
    final int[] wordEnd;
    final int[] lineStart;
    final int[] lineEnd;

    Index(int[] cps) {
      this.cps = cps;
      int n = cps.length;
      letterPrefix = new int[n + 1];
      upperPrefix = new int[n + 1];
      digitPrefix = new int[n + 1];
      spacePrefix = new int[n + 1];
      for (int i = 0; i < n; i++) {
        letterPrefix[i + 1] = letterPrefix[i] + (Character.isLetter(cps[i]) ? 1 : 0);
        upperPrefix[i + 1] = upperPrefix[i] + (Character.isUpperCase(cps[i]) ? 1 : 0);
        digitPrefix[i + 1] = digitPrefix[i] + (Character.isDigit(cps[i]) ? 1 : 0);
        spacePrefix[i + 1] = spacePrefix[i] + (Character.isWhitespace(cps[i]) ? 1 : 0);
      }
      wordStart = new int[n];
      lineStart = new int[n];
      for (int i = 0; i < n; i++) {
        boolean space = Character.isWhitespace(cps[i]);
        wordStart[i] = space ? i + 1 : (i > 0 && !Character.isWhitespace(cps[i - 1]) ? wordStart[i - 1] : i);
        lineStart[i] = i > 0 && cps[i - 1] != '\n' ? lineStart[i - 1] : i;
      }
      wordEnd = new int[n];
      lineEnd = new int[n];
      for (int i = n - 1; i >= 0; i--) {
        boolean space = Character.isWhitespace(cps[i]);
        wordEnd[i] = space ? i : (i + 1 < n && !Character.isWhitespace(cps[i + 1]) ? wordEnd[i + 1] : i + 1);
        lineEnd[i] = cps[i] == '\n' ? i : (i + 1 < n ? lineEnd[i + 1] : n);
      }
    }

    int letters(int s, int e) {
      return letterPrefix[e] - letterPrefix[s];
    }

    int upper(int s, int e) {
      return upperPrefix[e] - upperPrefix[s];
    }

    int digits(int s, int e) {
      return digitPrefix[e] - digitPrefix[s];
    }

    boolean blank(int s, int e) {
      return e <= s || spacePrefix[e] - spacePrefix[s] == e - s;
    }

    /** The first letter in [s, e), or a space when there is none; scans only until it finds one. */
    int firstLetter(int s, int e) {
      for (int i = s; i < e; i++) {
        if (Character.isLetter(cps[i])) {
          return cps[i];
        }
      }
      return ' ';
    }
  }
}
