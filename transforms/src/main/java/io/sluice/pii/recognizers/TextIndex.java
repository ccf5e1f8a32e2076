package io.sluice.pii.recognizers;

import java.util.Arrays;

/**
 * One cheap pass over a text that every built-in recognizer shares: whitespace-separated tokens with
 * flags for the characters that pattern entities need (digits, '@', ':', "://", a dot before a
 * letter), and "numeric chunks", runs of adjacent tokens holding digits or colons. Recognizers run their
 * regexes only inside the regions that can hold a match instead of over the whole text, which is where
 * most of the analyzer's speed comes from.
 */
public final class TextIndex {

  public static final int DIGIT = 1;
  public static final int COLON = 2;
  public static final int AT = 4;
  /** A '.' between an ASCII letter or digit and an ASCII letter, as in a host name. */
  public static final int DOT_LETTER = 8;
  /** "://" or "www.", the start of a URL. */
  public static final int URL_MARK = 16;

  /** Tokens closer than this many whitespace chars join one numeric chunk ("+1 (555) 010-9999"). */
  private static final int MAX_CHUNK_GAP = 2;

  private final String text;
  private int tokenCount;
  private int[] tokenStart;
  private int[] tokenEnd;
  private int[] tokenFlags;
  private int[] tokenDigits;
  private int chunkCount;
  /** Per chunk: first token, last token (inclusive), digit count. */
  private int[] chunkFirst;
  private int[] chunkLast;
  private int[] chunkDigits;

  private TextIndex(String text) {
    this.text = text;
    int capacity = Math.max(8, text.length() / 6);
    tokenStart = new int[capacity];
    tokenEnd = new int[capacity];
    tokenFlags = new int[capacity];
    tokenDigits = new int[capacity];
    scanTokens();
    buildChunks();
  }

  public static TextIndex of(String text) {
    return new TextIndex(text);
  }

  public String text() {
    return text;
  }

  public int tokenCount() {
    return tokenCount;
  }

  public int tokenStart(int token) {
    return tokenStart[token];
  }

  public int tokenEnd(int token) {
    return tokenEnd[token];
  }

  public int tokenFlags(int token) {
    return tokenFlags[token];
  }

  public int chunkCount() {
    return chunkCount;
  }

  public int chunkFirstToken(int chunk) {
    return chunkFirst[chunk];
  }

  public int chunkLastToken(int chunk) {
    return chunkLast[chunk];
  }

  public int chunkDigits(int chunk) {
    return chunkDigits[chunk];
  }

  /** True for the chars that separate tokens, including no-break and other Unicode spaces. */
  static boolean isSpace(char c) {
    return c <= ' ' || (c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
  }

  private void scanTokens() {
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      int start = i;
      int flags = 0;
      int digits = 0;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          flags |= DIGIT;
          digits++;
        } else if (c <= ' ') {
          break;
        } else if (c == ':') {
          flags |= COLON;
          if (i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
            flags |= URL_MARK;
          }
        } else if (c == '@') {
          flags |= AT;
        } else if (c == '.') {
          if (i > start && i + 1 < n && isAsciiLetter(text.charAt(i + 1)) && isAsciiAlnum(text.charAt(i - 1))) {
            flags |= DOT_LETTER;
          }
        } else if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)) {
          flags |= URL_MARK;
        } else if (c >= 0x80 && isSpace(c)) {
          break;
        }
      }
      addToken(start, i, flags, digits);
    }
  }

  private void addToken(int start, int end, int flags, int digits) {
    if (tokenCount == tokenStart.length) {
      int grown = tokenCount * 2;
      tokenStart = Arrays.copyOf(tokenStart, grown);
      tokenEnd = Arrays.copyOf(tokenEnd, grown);
      tokenFlags = Arrays.copyOf(tokenFlags, grown);
      tokenDigits = Arrays.copyOf(tokenDigits, grown);
    }
    tokenStart[tokenCount] = start;
    tokenEnd[tokenCount] = end;
    tokenFlags[tokenCount] = flags;
    tokenDigits[tokenCount] = digits;
    tokenCount++;
  }

  private void buildChunks() {
    chunkFirst = new int[Math.max(4, tokenCount / 4)];
    chunkLast = new int[chunkFirst.length];
    chunkDigits = new int[chunkFirst.length];
    int t = 0;
    while (t < tokenCount) {
      if ((tokenFlags[t] & (DIGIT | COLON)) == 0) {
        t++;
        continue;
      }
      int first = t;
      int digits = tokenDigits[t];
      while (t + 1 < tokenCount
          && (tokenFlags[t + 1] & (DIGIT | COLON)) != 0
          && tokenStart[t + 1] - tokenEnd[t] <= MAX_CHUNK_GAP) {
        t++;
        digits += tokenDigits[t];
      }
      addChunk(first, t, digits);
      t++;
    }
  }

  private void addChunk(int first, int last, int digits) {
    if (chunkCount == chunkFirst.length) {
      int grown = chunkCount * 2;
      chunkFirst = Arrays.copyOf(chunkFirst, grown);
      chunkLast = Arrays.copyOf(chunkLast, grown);
      chunkDigits = Arrays.copyOf(chunkDigits, grown);
    }
    chunkFirst[chunkCount] = first;
    chunkLast[chunkCount] = last;
    chunkDigits[chunkCount] = digits;
    chunkCount++;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiAlnum(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }
}
