package io.sluice.models.generate.constrained;

import java.util.BitSet;

/**
 * A JSON string in the {@code date} format of JSON Schema (RFC 3339 full-date, YYYY-MM-DD) that is a real calendar
 * date: each byte is allowed only if some valid date starts with what has been written.
 */
final class DateSchema implements ValueSchema {
  private static final int LENGTH = 10;
  private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  @Override
  public Frame start(Frame parent) {
    return new DateFrame(parent, null);
  }

  @Override
  public int minBytes() {
    return LENGTH + 2;
  }

  @Override
  public BitSet firstBytes() {
    BitSet first = new BitSet();
    first.set('"');
    return first;
  }

  /** Every prefix of "-MM-DD" for the month-days of leap and of common years. */
  private static final java.util.Set<String> LEAP_TAILS = monthDayPrefixes(true);
  private static final java.util.Set<String> COMMON_TAILS = monthDayPrefixes(false);

  private static java.util.Set<String> monthDayPrefixes(boolean leap) {
    java.util.Set<String> prefixes = new java.util.HashSet<>();
    for (int month = 1; month <= 12; month++) {
      int days = month == 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
      for (int day = 1; day <= days; day++) {
        String tail = String.format("-%02d-%02d", month, day);
        for (int end = 0; end <= tail.length(); end++) {
          prefixes.add(tail.substring(0, end));
        }
      }
    }
    return prefixes;
  }

  /** True when some valid date starts with {@code prefix} (at most 10 ASCII characters). */
  static boolean isDatePrefix(String prefix) {
    for (int i = 0; i < Math.min(prefix.length(), 4); i++) {
      if (!Character.isDigit(prefix.charAt(i))) {
        return false;
      }
    }
    if (prefix.length() <= 4) {
      return true;
    }
    boolean leap = isLeap(Integer.parseInt(prefix.substring(0, 4)));
    return (leap ? LEAP_TAILS : COMMON_TAILS).contains(prefix.substring(4));
  }

  private static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /**
   * The same prefix with the year's digits replaced: what may follow depends only on whether the year is a leap
   * year, so dates that differ in the year share one state (and one cached mask).
   */
  static String canonicalYear(String prefix) {
    if (prefix.length() < 4) {
      return "000".substring(0, prefix.length());
    }
    String year = isLeap(Integer.parseInt(prefix.substring(0, 4))) ? "2000" : "2001";
    return year + prefix.substring(4);
  }

  static final class DateFrame extends Frame {
    /** The characters written inside the quotes (year canonical), or null before the opening quote. */
    private final String written;

    DateFrame(Frame parent, String written) {
      super(parent);
      this.written = written;
    }

    @Override
    Frame consume(int b) {
      if (written == null) {
        return b == '"' ? new DateFrame(parent, "") : null;
      }
      if (written.length() == LENGTH) {
        return b == '"' ? parent : null;
      }
      String longer = written + (char) b;
      if (b >= 0x80 || !isDatePrefix(longer)) {
        return null;
      }
      // a whole date only waits for its closing quote: all of them are one state
      return new DateFrame(parent, longer.length() == LENGTH ? "2000-01-01" : canonicalYear(longer));
    }

    @Override
    boolean canEnd() {
      return false;
    }

    @Override
    int bytesToEnd() {
      return written == null ? LENGTH + 2 : LENGTH - written.length() + 1;
    }

    @Override
    Frame withParent(Frame newParent) {
      return new DateFrame(newParent, written);
    }

    @Override
    boolean sameLocalState(Frame other) {
      return java.util.Objects.equals(written, ((DateFrame) other).written);
    }

    @Override
    int localHash() {
      return written == null ? 7 : written.hashCode();
    }
  }
}
