package io.sluice.pii.recognizers;

/**
 * Whether chars start with the first three letters of an English month name ("Mar", "march,", "SEPT") or
 * weekday name ("Tue", "sunday"), in any ASCII case: the test {@link TextIndex} applies to each token for
 * the written-date patterns, and the {@link StartShape}s of those patterns.
 */
final class DateNamePrefixes {

  private static final boolean[] MONTHS = prefixes("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
      "oct", "nov", "dec");
  private static final boolean[] WEEKDAYS = prefixes("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /** The ASCII chars a month name starts with, in either case. */
  private static final boolean[] MONTH_INITIALS = new boolean[128];

  static {
    for (char c : "adfjmnosADFJMNOS".toCharArray()) {
      MONTH_INITIALS[c] = true;
    }
  }

  private DateNamePrefixes() {}

  /** True when {@code chars[at, at + 3)} is a month prefix; the caller guarantees three chars. */
  static boolean startsWithMonth(char[] chars, int at) {
    char first = chars[at];
    if (first < 128 && !MONTH_INITIALS[first]) {
      return false; // most words: no month name starts with their first letter
    }
    return holds(MONTHS, chars[at], chars[at + 1], chars[at + 2]);
  }

  /** True when {@code text} has three chars at {@code at} and they are a month prefix. */
  static boolean startsWithMonth(String text, int at) {
    return at + 3 <= text.length() && holds(MONTHS, text.charAt(at), text.charAt(at + 1), text.charAt(at + 2));
  }

  /** True when {@code text} has three chars at {@code at} and they are a weekday prefix. */
  static boolean startsWithWeekday(String text, int at) {
    return at + 3 <= text.length() && holds(WEEKDAYS, text.charAt(at), text.charAt(at + 1), text.charAt(at + 2));
  }

  private static boolean holds(boolean[] prefixes, char first, char second, char third) {
    int index = prefixIndex(first, second, third);
    return index >= 0 && prefixes[index];
  }

  private static boolean[] prefixes(String... names) {
    boolean[] prefixes = new boolean[26 * 26 * 26];
    for (String name : names) {
      prefixes[prefixIndex(name.charAt(0), name.charAt(1), name.charAt(2))] = true;
    }
    return prefixes;
  }

  /** The three chars ASCII-lower-cased as a number below 26^3; -1 when one is no letter. */
  private static int prefixIndex(char first, char second, char third) {
    int a = lower(first) - 'a';
    int b = lower(second) - 'a';
    int c = lower(third) - 'a';
    if ((a | b | c) < 0 || a >= 26 || b >= 26 || c >= 26) {
      return -1;
    }
    return (a * 26 + b) * 26 + c;
  }

  /**
   * ASCII upper case lowered; any other char keeps its low byte, as the index built before this class
   * did (so "\u0163" counts as 'c'), which only ever widens a candidate region or lets a start shape pass.
   */
  private static int lower(char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c & 0xff;
  }
}
