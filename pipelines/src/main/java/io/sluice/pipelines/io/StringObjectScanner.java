package io.sluice.pipelines.io;

/**
 * The fast path of {@link JsonlLineParser} for the common JSONL line: one object whose values are all strings and
 * whose keys have no escapes, in a line without control characters (so spaced by spaces only, and with no raw
 * control character in its strings: {@link BoundedLineReader.Line#controlFree}). Such a line is checked on its
 * UTF-8 bytes, undecoded, eight bytes at a time ({@link ByteSearch}) for quotes and backslashes instead of char by
 * char, as Jackson does: every byte JSON gives a meaning to is ASCII, and no byte of a multi-byte UTF-8 sequence is.
 * Anything else (another kind of value, an escaped key, any syntax error, a byte outside a string that is not
 * ASCII) is declined, and the line goes to Jackson, which then decides what it is and how it is reported: this
 * scanner accepts only lines that Jackson accepts (once their strings are known to be valid UTF-8), and reports the
 * same fields.
 */
final class StringObjectScanner {
  /** Receives each field of an accepted line, in order. */
  @FunctionalInterface
  interface Fields {
    /**
     * @param keyStart first byte of the key (after its quote)
     * @param keyEnd its closing quote
     * @param valueQuote the value's opening quote
     * @param valueEnd its closing quote
     * @param valueEscaped whether the value holds an escape
     */
    void field(int keyStart, int keyEnd, int valueQuote, int valueEnd, boolean valueEscaped);
  }

  private static final byte QUOTE = '"';
  private static final byte BACKSLASH = '\\';

  private final byte[] line;
  private final int length;
  // The next quote and backslash at or after the scan position (-1: none left); kept so each is searched once.
  private int nextQuote;
  private int nextBackslash;
  /** Whether the last string {@link #endOfString} went through held an escape. */
  private boolean escaped;

  private StringObjectScanner(byte[] line, int length) {
    this.line = line;
    this.length = length;
    this.nextQuote = ByteSearch.indexOf(line, 0, length, QUOTE);
    this.nextBackslash = ByteSearch.indexOf(line, 0, length, BACKSLASH);
  }

  /**
   * Hands every field of the line {@code line[0, length)} to {@code fields} and returns true, or returns false when
   * the line is not such an object (some fields may have been handed over by then). The line must hold no byte below
   * 0x20. The bytes within its strings are not checked to be UTF-8.
   */
  static boolean scan(byte[] line, int length, Fields fields) {
    return new StringObjectScanner(line, length).object(fields);
  }

  private boolean object(Fields fields) {
    int i = skipSpaces(0);
    if (i == length || line[i] != '{') {
      return false;
    }
    i = skipSpaces(i + 1);
    if (i < length && line[i] == '}') {
      return skipSpaces(i + 1) == length;
    }
    while (true) {
      if (i == length || line[i] != '"') {
        return false;
      }
      int keyStart = i + 1;
      int keyEnd = endOfString(i);
      if (keyEnd < 0 || escaped) {
        return false; // unterminated, or a key with escapes
      }
      i = skipSpaces(keyEnd + 1);
      if (i == length || line[i] != ':') {
        return false;
      }
      int valueQuote = skipSpaces(i + 1);
      if (valueQuote == length || line[valueQuote] != '"') {
        return false;
      }
      int valueEnd = endOfString(valueQuote);
      if (valueEnd < 0) {
        return false;
      }
      fields.field(keyStart, keyEnd, valueQuote, valueEnd, escaped);
      i = skipSpaces(valueEnd + 1);
      if (i == length) {
        return false;
      }
      byte c = line[i];
      if (c == '}') {
        return skipSpaces(i + 1) == length;
      }
      if (c != ',') {
        return false;
      }
      i = skipSpaces(i + 1);
    }
  }

  /**
   * The closing quote of the string opening at {@code quote}, or -1 when it has an escape JSON does not allow or
   * no end. Raw control bytes need no check: the line has none.
   */
  private int endOfString(int quote) {
    int from = quote + 1;
    escaped = false;
    while (true) {
      nextQuote = next(QUOTE, nextQuote, from);
      if (nextQuote < 0) {
        return -1;
      }
      nextBackslash = next(BACKSLASH, nextBackslash, from);
      if (nextBackslash < 0 || nextBackslash > nextQuote) {
        return nextQuote;
      }
      escaped = true;
      from = endOfEscape(nextBackslash);
      if (from < 0) {
        return -1;
      }
    }
  }

  /** The position after the escape at {@code backslash}, or -1 when it is not one of JSON's. */
  private int endOfEscape(int backslash) {
    if (backslash + 1 >= length) {
      return -1;
    }
    switch (line[backslash + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return backslash + 2;
      }
      case 'u' -> {
        if (backslash + 6 > length) {
          return -1;
        }
        for (int i = backslash + 2; i < backslash + 6; i++) {
          if (!isHexDigit(line[i])) {
            return -1;
          }
        }
        return backslash + 6;
      }
      default -> {
        return -1;
      }
    }
  }

  /** ASCII hex digits only, as Jackson reads them (Character.digit would take other scripts' digits too). */
  private static boolean isHexDigit(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The first {@code c} at or after {@code from}, reusing {@code known} when it is still ahead. */
  private int next(byte c, int known, int from) {
    return known >= from || known < 0 ? known : ByteSearch.indexOf(line, from, length, c);
  }

  private int skipSpaces(int from) {
    int i = from;
    while (i < length && line[i] == ' ') {
      i++;
    }
    return i;
  }
}
