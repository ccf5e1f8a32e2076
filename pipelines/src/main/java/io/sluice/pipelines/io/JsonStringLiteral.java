package io.sluice.pipelines.io;

/**
 * Decodes a JSON string literal of a line that Jackson has already parsed as valid, copying the runs of characters
 * between escapes in bulk. Jackson's own decoding ({@code getText()}) copies a string char by char once it holds an
 * escape, and document texts hold many ({@code \n} between paragraphs): that copy was most of a sweep's JSON
 * reading. Jackson still checks the whole line, so what is valid JSON and the errors reported do not change.
 */
final class JsonStringLiteral {
  private JsonStringLiteral() {}

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
