package io.sluice.pii.recognizers;

import java.util.Arrays;

/**
 * One cheap pass over a text that every built-in recognizer shares: whitespace-separated tokens with
 * flags for the characters that pattern entities need (digits, '@', ':', "://", a dot before a
 * letter), runs of ASCII digits, and "numeric chunks", runs of adjacent tokens holding digits or
 * colons. Recognizers run their regexes only inside the regions that can hold a match instead of over
 * the whole text, which is where most of the analyzer's speed comes from.
 */
public final class TextIndex {

  public static final int DIGIT = 1;
  public static final int COLON = 2;
  public static final int AT = 4;
  /** A '.' between an ASCII letter or digit and an ASCII letter, as in a host name. */
  public static final int DOT_LETTER = 8;
  /** "://" or "www.", the start of a URL. */
  public static final int URL_MARK = 16;
  /** Two or more colons, as in IPv6 addresses, MAC addresses and times with seconds. */
  public static final int COLONS = 32;
  /** The token starts with the first three letters of a month name ("Mar", "september"). */
  public static final int MONTH = 64;

  /** Tokens closer than this many whitespace chars join one numeric chunk ("+1 (555) 010-9999"). */
  private static final int MAX_CHUNK_GAP = 2;

  private final String text;
  private int tokenCount;
  private int[] tokenStart;
  private int[] tokenEnd;
  private int[] tokenFlags;
  private int[] tokenDigits;
  /** The tokens with any flag, in order: most tokens are plain words that no pattern looks at. */
  private int flaggedCount;
  private int[] flagged;
  private int runCount;
  /** Maximal runs of ASCII digits: start and end (exclusive). */
  private int[] runStart;
  private int[] runEnd;
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
    flagged = new int[capacity / 2];
    runStart = new int[capacity / 2];
    runEnd = new int[capacity / 2];
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

  /** How many tokens carry a flag; see {@link #flaggedToken}. */
  public int flaggedTokenCount() {
    return flaggedCount;
  }

  /** The {@code i}-th token (in text order) whose flags are not 0. */
  public int flaggedToken(int i) {
    return flagged[i];
  }

  public int digitRunCount() {
    return runCount;
  }

  public int digitRunStart(int run) {
    return runStart[run];
  }

  public int digitRunEnd(int run) {
    return runEnd[run];
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

  /** Char classes for every char, so the scan does one table lookup and no range test per char. */
  private static final byte OTHER = 0;
  private static final byte SPACE = 1;
  private static final byte DIGIT_CHAR = 2;
  private static final byte COLON_CHAR = 3;
  private static final byte AT_CHAR = 4;
  private static final byte DOT_CHAR = 5;
  private static final byte W_CHAR = 6;
  private static final byte[] CHAR_CLASS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      CHAR_CLASS[c] = isSpace((char) c) ? SPACE : OTHER;
    }
    for (int c = '0'; c <= '9'; c++) {
      CHAR_CLASS[c] = DIGIT_CHAR;
    }
    CHAR_CLASS[':'] = COLON_CHAR;
    CHAR_CLASS['@'] = AT_CHAR;
    CHAR_CLASS['.'] = DOT_CHAR;
    CHAR_CLASS['w'] = W_CHAR;
    CHAR_CLASS['W'] = W_CHAR;
  }

  private void scanTokens() {
    // One copy, then plain array reads: charAt on a string holding any non-Latin-1 char (an em dash,
    // an emoji) checks the string's coding and bounds on every call.
    char[] chars = text.toCharArray();
    int n = chars.length;
    int i = 0;
    while (i < n) {
      while (i < n && CHAR_CLASS[chars[i]] == SPACE) {
        i++;
      }
      if (i == n) {
        return;
      }
      int start = i;
      int flags = 0;
      int digits = 0;
      // The token's chars; most are letters, which only the first test of the loop looks at.
      while (i < n) {
        char c = chars[i];
        byte cls = CHAR_CLASS[c];
        if (cls == OTHER) {
          i++;
          continue;
        }
        if (cls == SPACE) {
          break;
        }
        switch (cls) {
          case DIGIT_CHAR -> {
            int runStartAt = i;
            while (i < n && chars[i] >= '0' && chars[i] <= '9') {
              i++;
            }
            addRun(runStartAt, i);
            flags |= DIGIT;
            digits += i - runStartAt;
            continue;
          }
          case COLON_CHAR -> {
            flags |= (flags & COLON) != 0 ? COLONS : COLON;
            if (i + 2 < n && chars[i + 1] == '/' && chars[i + 2] == '/') {
              flags |= URL_MARK;
            }
          }
          case AT_CHAR -> flags |= AT;
          case DOT_CHAR -> {
            if (i > start && i + 1 < n && isAsciiLetter(chars[i + 1]) && isAsciiAlnum(chars[i - 1])) {
              flags |= DOT_LETTER;
            }
          }
          case W_CHAR -> {
            if (i + 3 < n && (chars[i + 1] | 0x20) == 'w' && text.regionMatches(true, i, "www.", 0, 4)) {
              flags |= URL_MARK;
            }
          }
          default -> { }
        }
        i++;
      }
      if (i - start >= 3 && DateNamePrefixes.startsWithMonth(chars, start)) {
        flags |= MONTH;
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
    if (flags != 0) {
      if (flaggedCount == flagged.length) {
        flagged = Arrays.copyOf(flagged, Math.max(8, flaggedCount * 2));
      }
      flagged[flaggedCount++] = tokenCount;
    }
    tokenCount++;
  }

  private void addRun(int start, int end) {
    if (runCount == runStart.length) {
      int grown = Math.max(8, runCount * 2);
      runStart = Arrays.copyOf(runStart, grown);
      runEnd = Arrays.copyOf(runEnd, grown);
    }
    runStart[runCount] = start;
    runEnd[runCount] = end;
    runCount++;
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
