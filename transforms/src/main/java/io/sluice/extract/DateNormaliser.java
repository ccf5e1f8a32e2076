package io.sluice.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a calendar date in a raw value written in any common format and returns it as a {@link LocalDate}
 * (ISO-8601 when printed). Text around the date (a label, a weekday, a time) is ignored; the first date found wins.
 *
 * <p>Formats, tried in this order: year first ({@code 2018-12-25}, {@code 2018/12/25}, {@code 2018.12.25}),
 * compact {@code 20181225}, day and month name ({@code 25 DEC 2018}, {@code 25-Dec-18}, {@code 25th December,
 * 2018}), year and month name ({@code 2018 Dec 25}), month name and day ({@code Dec 25 2018}, {@code December 25,
 * 2018}), and all-numeric with the year last ({@code 25/12/2018}, {@code 25-12-18}, {@code 12.25.2018}).
 *
 * <p>Day and month order of all-numeric dates with the year last: day first ({@code 03/04/2018} is 3 April), as
 * most of the world writes dates, unless only month first makes a date ({@code 12/25/2018} is 25 December). Two-digit years are 2000-2069 for 00-69 and 1970-1999 for
 * 70-99 (the POSIX rule).
 */
public final class DateNormaliser {
  private static final String SEP = "[-/. ]";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)";
  private static final String NAME = "([a-z]{3,9})\\.?";
  private static final String YEAR = "(\\d{4}|\\d{2})(?!\\d)";
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(?<!\\d)(\\d{4})" + SEP + "(\\d{1,2})" + SEP + "(\\d{1,2})(?!\\d)");
  private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
  private static final Pattern DAY_NAME = Pattern.compile("(?<!\\d)" + DAY + "[-/. ,]*" + NAME + "[-/. ,]*" + YEAR);
  private static final Pattern YEAR_NAME = Pattern.compile("(?<!\\d)(\\d{4})[-/. ,]*" + NAME + "[-/. ,]*" + DAY);
  private static final Pattern NAME_DAY = Pattern.compile(NAME + "[-/. ,]*" + DAY + "[-/. ,]*" + YEAR);
  private static final Pattern NUMERIC =
      Pattern.compile("(?<!\\d)(\\d{1,2})" + SEP + "(\\d{1,2})" + SEP + "(\\d{4}|\\d{2})(?!\\d)");

  private static final Map<String, Integer> MONTHS = monthNames();

  private DateNormaliser() {}

  /** The date in {@code raw}; throws {@link NotNormalisable} when there is none. */
  public static LocalDate parse(String raw) {
    String text = raw.toLowerCase(Locale.ROOT);
    for (Pattern pattern : List.of(YEAR_FIRST, COMPACT)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        LocalDate d = date(num(m, 1), num(m, 2), num(m, 3));
        if (d != null) {
          return d;
        }
      }
    }
    Matcher m = DAY_NAME.matcher(text);
    while (m.find()) {
      LocalDate d = named(m.group(3), m.group(2), num(m, 1));
      if (d != null) {
        return d;
      }
    }
    m = YEAR_NAME.matcher(text);
    while (m.find()) {
      LocalDate d = named(m.group(1), m.group(2), num(m, 3));
      if (d != null) {
        return d;
      }
    }
    m = NAME_DAY.matcher(text);
    while (m.find()) {
      LocalDate d = named(m.group(3), m.group(1), num(m, 2));
      if (d != null) {
        return d;
      }
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      LocalDate d = numeric(num(m, 1), num(m, 2), year(m.group(3)));
      if (d != null) {
        return d;
      }
    }
    throw new NotNormalisable("no date in a known format");
  }

  private static LocalDate named(String yearText, String monthName, int day) {
    Integer month = MONTHS.get(monthName);
    return month == null ? null : date(year(yearText), month, day);
  }

  /** Day first unless only month-first gives a valid month. */
  private static LocalDate numeric(int first, int second, int year) {
    if (second > 12 && first <= 12) {
      return date(year, first, second);
    }
    return date(year, second, first);
  }

  private static int year(String text) {
    int y = Integer.parseInt(text);
    if (text.length() == 2) {
      return y < 70 ? 2000 + y : 1900 + y;
    }
    return y;
  }

  private static LocalDate date(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static Map<String, Integer> monthNames() {
    String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december"};
    Map<String, Integer> months = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      months.put(names[i], i + 1);
      months.put(names[i].substring(0, 3), i + 1);
    }
    months.put("sept", 9);
    return Map.copyOf(months);
  }
}
