package io.sluice.pii.recognizers;

/**
 * Where a text holds a phone-shaped run, the phone recognizer's candidates: an optional '+', then two to
 * seven groups of one to five digits, each group maybe in brackets and each after the first maybe after
 * one space, dot or dash, with no letter, digit, '+', '.', ':', '/' or '-' just before and neither a
 * letter or digit nor a separator and a digit just after. This scan finds what the regex
 * <pre>(?&lt;![0-9A-Za-z+.:/-])\+?\(?[0-9]{1,5}+\)?(?:[ .-]?\(?[0-9]{1,5}+\)?){1,6}+(?![0-9A-Za-z]|[ .:/-][0-9])</pre>
 * finds with transparent bounds (its test compares the two), without the regex engine's virtual call per
 * node and matcher reset per attempt, which were a fifth of the recognizer's time. The regex never
 * backtracks into a shorter match: its digit runs and group loop are possessive, and none of its
 * optional chars can start a group, so the first way to read the chars is the only one.
 */
final class PhoneShape {

  private static final int MAX_GROUP_DIGITS = 5;
  private static final int MAX_LATER_GROUPS = 6;

  private PhoneShape() {}

  /**
   * The end of the phone shape that starts at {@code at}, or -1 when none does. The shape takes no char
   * at or after {@code to}; the chars checked before and after it may lie outside {@code [at, to)}.
   */
  static int endOfShapeAt(String text, int at, int to) {
    if (at > 0 && blocksStart(text.charAt(at - 1))) {
      return -1;
    }
    int end = at < to && text.charAt(at) == '+' ? at + 1 : at;
    end = endOfGroup(text, end, to);
    if (end < 0) {
      return -1;
    }
    int groups = 0;
    while (groups < MAX_LATER_GROUPS) {
      int next = end < to && isSeparator(text.charAt(end)) ? end + 1 : end;
      next = endOfGroup(text, next, to);
      if (next < 0) {
        break;
      }
      end = next;
      groups++;
    }
    return groups > 0 && endsShape(text, end) ? end : -1;
  }

  /** The end of "(?[0-9]{1,5})?" at {@code at}: the digits read greedily, no more than five; -1 without digits. */
  private static int endOfGroup(String text, int at, int to) {
    int start = at < to && text.charAt(at) == '(' ? at + 1 : at;
    int end = start;
    while (end < to && end - start < MAX_GROUP_DIGITS && isDigit(text.charAt(end))) {
      end++;
    }
    if (end == start) {
      return -1;
    }
    return end < to && text.charAt(end) == ')' ? end + 1 : end;
  }

  /** The regex's lookahead at the end: no letter or digit, and no separator before a digit. */
  private static boolean endsShape(String text, int end) {
    if (end >= text.length()) {
      return true;
    }
    char c = text.charAt(end);
    if (isDigit(c) || isAsciiLetter(c)) {
      return false;
    }
    return !(" .:/-".indexOf(c) >= 0 && end + 1 < text.length() && isDigit(text.charAt(end + 1)));
  }

  /** The chars of the regex's opening lookbehind. */
  private static boolean blocksStart(char c) {
    return isDigit(c) || isAsciiLetter(c) || "+.:/-".indexOf(c) >= 0;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '.' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }
}
