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

  /**
   * {@code (?<![/.:-])([0-9]{1,2})([/.-])[0-9]{1,2}\2[0-9]}: day and month of a numeric date, the same
   * separator twice, after none of the chars its lookbehind rejects (the "03-05" of "2024-03-05").
   */
  StartShape DAY_AND_MONTH = (text, at) -> {
    if (followsOneOf(text, at, "/.:-")) {
      return false;
    }
    int first = digitsFrom(text, at, 2);
    if (first == at || !isOneOf(text, first, "/.-")) {
      return false;
    }
    int second = digitsFrom(text, first + 1, 2);
    return second > first + 1 && charIs(text, second, text.charAt(first)) && isDigit(text, second + 1);
  };

  /** {@code [0-9]{4}-[0-9]{2}-[0-9]}: year, month and the day's first digit of an ISO 8601 date. */
  StartShape ISO_DATE = (text, at) -> digitsFrom(text, at, 4) == at + 4 && charIs(text, at + 4, '-')
      && digitsFrom(text, at + 5, 2) == at + 7 && charIs(text, at + 7, '-') && isDigit(text, at + 8);

  /** {@code [0-9]{4}[/.][0-9]}: a year, its separator and the month's first digit (y/m/d dates). */
  StartShape YEAR_SLASH_OR_DOT = (text, at) ->
      digitsFrom(text, at, 4) == at + 4 && isOneOf(text, at + 4, "/.") && isDigit(text, at + 5);

  /**
   * {@code (?<![/.:-])[0-9]{1,2}:[0-5][0-9]}: hour and minutes of a clock time, after none of the chars its
   * lookbehind rejects (the "30:45" of "10:30:45").
   */
  StartShape HOUR_COLON = (text, at) -> {
    if (followsOneOf(text, at, "/.:-")) {
      return false;
    }
    int after = digitsFrom(text, at, 2);
    return after > at && charIs(text, after, ':') && isOneOf(text, after + 1, "012345") && isDigit(text, after + 2);
  };

  /**
   * {@code [0-9]{1,2}\s?[AaPp][Mm.]}: an hour and the start of "am", "pm", "a.m." or "p.m." (a longer run of
   * digits cannot be the hour: the regex's lookbehind rejects a digit before it).
   */
  StartShape HOUR_MERIDIEM = (text, at) -> {
    int after = digitsFrom(text, at, 2);
    if (after == at || isDigit(text, after)) {
      return false;
    }
    if (after < text.length() && isRegexSpace(text.charAt(after))) {
      after++;
    }
    return isOneOf(text, after, "AaPp") && isOneOf(text, after + 1, "Mm.");
  };

  /**
   * {@code (?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)}, any ASCII case:
   * a written date that starts with the weekday or the month.
   */
  StartShape WEEKDAY_OR_MONTH = (text, at) ->
      DateNamePrefixes.startsWithMonth(text, at) || DateNamePrefixes.startsWithWeekday(text, at);

  /** {@code [0-9]} or a weekday's first three letters: a written date that starts with the weekday or the day. */
  StartShape WEEKDAY_OR_DAY = (text, at) -> isDigit(text, at) || DateNamePrefixes.startsWithWeekday(text, at);

  /**
   * Groups of exactly {@code lengths} digits, all adjacent or each pair apart by the same one of
   * {@code separators}, and no digit after the last: {@code [0-9]{3}([- .]?)[0-9]{2}\1[0-9]{4}} for
   * {@code digitGroups("- .", 3, 2, 4)}. A regex that reads the groups with fixed counts and a lookahead
   * rejecting a digit after them can only match where this passes.
   */
  static StartShape digitGroups(String separators, int... lengths) {
    return (text, at) -> {
      int i = at;
      char separator = 0;
      for (int g = 0; g < lengths.length; g++) {
        if (g == 1 && isOneOf(text, i, separators)) {
          separator = text.charAt(i);
        }
        if (g > 0 && separator != 0 && !charIs(text, i++, separator)) {
          return false;
        }
        if (digitsFrom(text, i, lengths[g]) != i + lengths[g]) {
          return false;
        }
        i += lengths[g];
      }
      return !isDigit(text, i);
    };
  }

  /**
   * {@code [0-9](?:[0-9]|[ -](?=[0-9])){11,22}[0-9]}: at least 13 chars that are digits, or a space or
   * dash before a digit (a payment card number).
   */
  StartShape CARD_DIGITS = (text, at) -> {
    int i = at;
    int limit = Math.min(text.length(), at + 13);
    while (i < limit && (isDigit(text, i) || (isOneOf(text, i, " -") && isDigit(text, i + 1)))) {
      i++;
    }
    return i == at + 13 && isDigit(text, at);
  };

  /** {@code [A-Z]{2}[0-9]{2}}: the country code and check digits of an IBAN. */
  StartShape COUNTRY_AND_CHECK_DIGITS = (text, at) ->
      isUpper(text, at) && isUpper(text, at + 1) && isDigit(text, at + 2) && isDigit(text, at + 3);

  /**
   * {@code [13][1-9A-HJ-NP-Za-km-z]{25}}: the version digit and the first 25 Base58 chars of a legacy
   * Bitcoin address (the regex asks for 25 to 34).
   */
  StartShape BASE58_ADDRESS = (text, at) -> {
    if (!isOneOf(text, at, "13") || at + 26 > text.length()) {
      return false;
    }
    for (int i = at + 1; i < at + 26; i++) {
      if (!isBase58(text.charAt(i))) {
        return false;
      }
    }
    return true;
  };

  /** {@code bc1|BC1}: the prefix of a Bech32 Bitcoin address. */
  StartShape BECH32_PREFIX = (text, at) -> text.startsWith("bc1", at) || text.startsWith("BC1", at);

  /**
   * {@code (?<![:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:}: the first two groups of an IPv6 address, after
   * none of the chars its lookbehind rejects (the port of "host:8080").
   */
  StartShape TWO_HEX_GROUPS = (text, at) -> {
    if (followsOneOf(text, at, ":.")) {
      return false;
    }
    int first = hexFrom(text, at, 5);
    if (first - at > 4 || !charIs(text, first, ':')) {
      return false;
    }
    int second = hexFrom(text, first + 1, 5);
    return second - first - 1 <= 4 && charIs(text, second, ':');
  };

  /** {@code (?i)(?<![./])www\.}: the start of a URL without a scheme. */
  StartShape WWW_DOT = (text, at) -> !followsOneOf(text, at, "./") && text.regionMatches(true, at, "www.", 0, 4);

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

  /** The offset after at most {@code max} ASCII hex digits from {@code at}. */
  private static int hexFrom(String text, int at, int max) {
    int i = at;
    int end = Math.min(text.length(), at + max);
    while (i < end && isHex(text, i)) {
      i++;
    }
    return i;
  }

  /** The char before {@code at} is one of {@code chars}. */
  private static boolean followsOneOf(String text, int at, String chars) {
    return at > 0 && chars.indexOf(text.charAt(at - 1)) >= 0;
  }

  /** A char of the regex class {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** A char of the Base58 alphabet: {@code [1-9A-HJ-NP-Za-km-z]}. */
  private static boolean isBase58(char c) {
    return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O')
        || (c >= 'a' && c <= 'z' && c != 'l');
  }

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
