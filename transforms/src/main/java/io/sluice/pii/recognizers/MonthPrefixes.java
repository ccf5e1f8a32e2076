package io.sluice.pii.recognizers;

/**
 * Whether chars start with the first three letters of an English month name ("Mar", "march,", "SEPT"),
 * in any ASCII case: the test {@link TextIndex} applies to each token for the written-date patterns.
 */
final class MonthPrefixes {

  /** The prefixes "jan" ... "dec", indexed by {@link #prefixIndex}. */
  private static final boolean[] PREFIXES = prefixes();

  /** The ASCII chars a month name starts with, in either case. */
  private static final boolean[] INITIALS = new boolean[128];

  static {
    for (char c : "adfjmnosADFJMNOS".toCharArray()) {
      INITIALS[c] = true;
    }
  }

  private MonthPrefixes() {}

  /** True when {@code chars[at, at + 3)} is a month prefix; the caller guarantees three chars. */
  static boolean startsWithMonth(char[] chars, int at) {
    char first = chars[at];
    if (first < 128 && !INITIALS[first]) {
      return false; // most words: no month name starts with their first letter
    }
    int index = prefixIndex(chars[at], chars[at + 1], chars[at + 2]);
    return index >= 0 && PREFIXES[index];
  }

  private static boolean[] prefixes() {
    boolean[] prefixes = new boolean[26 * 26 * 26];
    for (String month : new String[] {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
      prefixes[prefixIndex(month.charAt(0), month.charAt(1), month.charAt(2))] = true;
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
   * did (so "\u0163" counts as 'c'), which only ever widens a candidate region.
   */
  private static int lower(char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c & 0xff;
  }
}
