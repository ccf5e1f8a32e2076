package io.sluice.pii.recognizers;

/**
 * A hand-written test of the first few chars at a position, which a built-in regex must find there to
 * match: false only where the regex cannot match at that position. A regex attempt costs a matcher
 * reset (clearing its group and lookaround state) and the match itself; this test costs a few char
 * reads, and rejects most of the positions that pass {@link MatchStarts} ("555-0100" for an IPv4
 * address, "2024" for a clock time). Each shape below names the regex prefix it checks.
 */
@FunctionalInterface
interface StartShape {

  /** False when the pattern cannot match at {@code at} of {@code text}. */
  boolean mayMatchAt(String text, int at);

  /** {@code [0-9]{1,3}\.[0-9]}: the start of a dotted quad. */
  StartShape IPV4 = (text, at) -> {
    int after = digitsFrom(text, at, 3);
    return after > at && charIs(text, after, '.') && isDigit(text, after + 1);
  };

  /** {@code [0-9]{1,2}[/.-][0-9]}: the day or month of a numeric date. */
  StartShape DAY_OR_MONTH = (text, at) -> {
    int after = digitsFrom(text, at, 2);
    return after > at && isOneOf(text, after, "/.-") && isDigit(text, after + 1);
  };

  /** {@code [0-9]{4}[/.-]}: a year and its separator (ISO and y/m/d dates). */
  StartShape YEAR_THEN_SEPARATOR = (text, at) -> digitsFrom(text, at, 4) == at + 4 && isOneOf(text, at + 4, "/.-");

  /** {@code [0-9]{1,2}:}: the hour of a clock time. */
  StartShape HOUR_COLON = (text, at) -> {
    int after = digitsFrom(text, at, 2);
    return after > at && charIs(text, after, ':');
  };

  /** {@code [0-9]{3}[- .]?[0-9]}: three digits, maybe a separator, then more digits (SSN, NHS). */
  StartShape THREE_DIGITS_THEN_DIGIT = (text, at) -> digitsFrom(text, at, 3) == at + 3
      && (isDigit(text, at + 3) || (isOneOf(text, at + 3, "- .") && isDigit(text, at + 4)));

  /** {@code [0-9A-Fa-f]{2}[:-][0-9A-Fa-f]}: the first pair of a MAC address. */
  StartShape HEX_PAIR_THEN_SEPARATOR = (text, at) ->
      isHex(text, at) && isHex(text, at + 1) && isOneOf(text, at + 2, ":-") && isHex(text, at + 3);

  /** {@code [0-9A-Fa-f]{4}\.[0-9A-Fa-f]}: the first quad of a Cisco MAC address. */
  StartShape HEX_QUAD_THEN_DOT = (text, at) -> isHex(text, at) && isHex(text, at + 1) && isHex(text, at + 2)
      && isHex(text, at + 3) && charIs(text, at + 4, '.') && isHex(text, at + 5);

  /**
   * {@code [A-Z]{1,2}[0-9] | [0-9]{7,9}[A-Z] | [0-9]{2,3}[A-Z]}: the three driver's license shapes. A
   * run of digits is read whole, as the regex's greedy digit count must end right before the letter.
   */
  StartShape LICENSE = (text, at) -> {
    if (isUpper(text, at)) {
      return isDigit(text, at + 1) || (isUpper(text, at + 1) && isDigit(text, at + 2));
    }
    int after = digitsFrom(text, at, 10);
    int digits = after - at;
    return ((digits >= 2 && digits <= 3) || (digits >= 7 && digits <= 9)) && isUpper(text, after);
  };

  /**
   * {@code (?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}}, then no
   * {@code [A-Za-z0-9@_-]} nor {@code \.[A-Za-z0-9]}: a host name lies in the run of ASCII letters, digits,
   * dots and dashes from the position and needs a dot in it. Where that run ends at '@' or '_' (the local
   * part of an e-mail address), a match cannot end with the run, only at a dot inside it that no letter
   * or digit follows ("e.g.@"); without one, the regex would backtrack through every label and fail.
   * The regex's lookbehind {@code (?<![A-Za-z0-9@._%+-])} is tested first.
   */
  StartShape HOST_NAME = (text, at) -> {
    if (at > 0 && "@._%+-".indexOf(text.charAt(at - 1)) >= 0) {
      return false;
    }
    int n = text.length();
    boolean dot = false;
    boolean dotBeforeNonAlnum = false;
    int i = at;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dot = true;
        dotBeforeNonAlnum |= !isAsciiAlnum(text, i + 1);
      } else if (c != '-' && !isAsciiAlnumChar(c)) {
        break;
      }
    }
    return dot && (i == n || (text.charAt(i) != '@' && text.charAt(i) != '_') || dotBeforeNonAlnum);
  };

  /** The offset after at most {@code max} ASCII digits from {@code at}. */
  private static int digitsFrom(String text, int at, int max) {
    int i = at;
    int end = Math.min(text.length(), at + max);
    while (i < end && isDigitChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(String text, int at) {
    return at < text.length() && isDigitChar(text.charAt(at));
  }

  private static boolean isDigitChar(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiAlnum(String text, int at) {
    return at < text.length() && isAsciiAlnumChar(text.charAt(at));
  }

  private static boolean isAsciiAlnumChar(char c) {
    return isDigitChar(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }

  private static boolean isUpper(String text, int at) {
    return at < text.length() && text.charAt(at) >= 'A' && text.charAt(at) <= 'Z';
  }

  private static boolean isHex(String text, int at) {
    if (at >= text.length()) {
      return false;
    }
    char c = text.charAt(at);
    return isDigitChar(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  private static boolean charIs(String text, int at, char expected) {
    return at < text.length() && text.charAt(at) == expected;
  }

  private static boolean isOneOf(String text, int at, String chars) {
    return at < text.length() && chars.indexOf(text.charAt(at)) >= 0;
  }
}
