package io.sluice.pipelines.io;

/**
 * Decodes a JSON string literal of a line that Jackson or {@link StringObjectScanner} has already checked as valid,
 * copying the runs of characters between escapes in bulk. Jackson's own decoding ({@code getText()}) copies a string
 * char by char once it holds an escape, and document texts hold many ({@code \n} between paragraphs): that copy was
 * most of a sweep's JSON reading. What is valid JSON and the errors reported do not change.
 */
final class JsonStringLiteral {
  private static final byte BACKSLASH = '\\';

  private JsonStringLiteral() {}

  /**
   * The value of the string literal {@code line[quote, closingQuote]} of a line's UTF-8 bytes, or null when the value
   * is not valid UTF-8, holds U+FFFD, or holds a lone surrogate (escaped: UTF-8 cannot carry one). Null sends the line
   * to the strict decoding of {@link StrictUtf8}, which tells invalid bytes from a real U+FFFD. The escapes are
   * resolved into {@code scratch} (at least as long as the literal), and the result decoded once, so the value is
   * what decoding the whole line and then {@link #decode(String, int)} give.
   *
   * @param escaped whether the literal holds an escape (which the scanner knows)
   */
  static String decodeUtf8(byte[] line, int quote, int closingQuote, boolean escaped, byte[] scratch) {
    if (!escaped) {
      return StrictUtf8.decodeWithoutReplacement(line, quote + 1, closingQuote - quote - 1);
    }
    int length = unescape(line, quote + 1, closingQuote, scratch);
    return length < 0 ? null : StrictUtf8.decodeWithoutReplacement(scratch, 0, length);
  }

  /** Copies {@code line[from, to)} into {@code out} with its escapes resolved to UTF-8; its length, or -1. */
  private static int unescape(byte[] line, int from, int to, byte[] out) {
    int length = 0;
    int i = from;
    for (int escape = ByteSearch.indexOf(line, i, to, BACKSLASH); escape >= 0;
        escape = ByteSearch.indexOf(line, i, to, BACKSLASH)) {
      System.arraycopy(line, i, out, length, escape - i);
      length += escape - i;
      byte kind = line[escape + 1];
      if (kind != 'u') {
        out[length++] = (byte) unescaped((char) kind);
        i = escape + 2;
        continue;
      }
      int unit = hex(line, escape + 2);
      i = escape + 6;
      int codePoint = unit;
      if (Character.isHighSurrogate((char) unit)) {
        int low = i + 6 <= to && line[i] == BACKSLASH && line[i + 1] == 'u' ? hex(line, i + 2) : -1;
        if (low < 0 || !Character.isLowSurrogate((char) low)) {
          return -1;
        }
        codePoint = Character.toCodePoint((char) unit, (char) low);
        i += 6;
      } else if (Character.isLowSurrogate((char) unit)) {
        return -1;
      }
      length = putUtf8(codePoint, out, length);
    }
    System.arraycopy(line, i, out, length, to - i);
    return length + to - i;
  }

  private static int hex(byte[] line, int at) {
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      value = value << 4 | Character.digit(line[i], 16);
    }
    return value;
  }

  /**
   * Writes a code point's UTF-8 bytes: never more bytes than its escape took ({@code \\uXXXX}, six, for at most
   * three; two escapes, twelve, for the four of a supplementary one), so the value still fits in the literal's length.
   */
  private static int putUtf8(int codePoint, byte[] out, int at) {
    if (codePoint < 0x80) {
      out[at] = (byte) codePoint;
      return at + 1;
    }
    if (codePoint < 0x800) {
      out[at] = (byte) (0xC0 | codePoint >>> 6);
      out[at + 1] = (byte) (0x80 | codePoint & 0x3F);
      return at + 2;
    }
    if (codePoint < 0x10000) {
      out[at] = (byte) (0xE0 | codePoint >>> 12);
      out[at + 1] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
      out[at + 2] = (byte) (0x80 | codePoint & 0x3F);
      return at + 3;
    }
    out[at] = (byte) (0xF0 | codePoint >>> 18);
    out[at + 1] = (byte) (0x80 | codePoint >>> 12 & 0x3F);
    out[at + 2] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
    out[at + 3] = (byte) (0x80 | codePoint & 0x3F);
    return at + 4;
  }

  /**
   * The value of the string literal whose opening quote is at {@code quote} in {@code line}; the literal must be
   * valid JSON (as Jackson checked it): only the escapes of RFC 8259, no raw control characters.
   */
  static String decode(String line, int quote) {
    int start = quote + 1;
    int end = line.indexOf('"', start);
    int escape = line.indexOf('\\', start);
    if (escape < 0 || escape > end) {
      return line.substring(start, end);
    }
    // The value is shorter than the literal (escapes are longer than what they stand for), which ends in the line.
    char[] value = new char[line.length() - start];
    int length = 0;
    int from = start;
    while (escape >= 0 && escape < end) {
      line.getChars(from, escape, value, length);
      length += escape - from;
      char kind = line.charAt(escape + 1);
      if (kind == 'u') {
        value[length++] = (char) Integer.parseInt(line, escape + 2, escape + 6, 16);
        from = escape + 6;
      } else {
        value[length++] = unescaped(kind);
        from = escape + 2;
      }
      if (from > end) {
        end = line.indexOf('"', from); // the quote found was an escaped one
      }
      escape = line.indexOf('\\', from);
    }
    line.getChars(from, end, value, length);
    length += end - from;
    return new String(value, 0, length);
  }

  private static char unescaped(char kind) {
    return switch (kind) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case '"', '\\', '/' -> kind;
      default -> throw new IllegalArgumentException("not a JSON escape: \\" + kind);
    };
  }
}
