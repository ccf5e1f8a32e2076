package io.sluice.pii.operators.surrogate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fake dates: a date or time in a common format is shifted by a pseudo-random number of days (and
 * minutes, for date-times and times) and written back in the same format, so it stays a real calendar date that reads naturally.
 * Anything else (relative dates, partial dates) becomes an ISO date in a plausible range.
 */
final class Dates {
  private static final List<DateTimeFormatter> DATE_TIMES =
      formatters("uuuu-MM-dd'T'HH:mm:ss", "uuuu-MM-dd'T'HH:mm", "uuuu-MM-dd HH:mm:ss", "uuuu-MM-dd HH:mm",
          "MM/dd/uuuu HH:mm", "dd.MM.uuuu HH:mm");
  private static final List<DateTimeFormatter> DATES =
      formatters("uuuu-MM-dd", "uuuu/MM/dd", "MM/dd/uuuu", "M/d/uuuu", "dd/MM/uuuu", "d/M/uuuu", "dd.MM.uuuu",
          "d.M.uuuu", "dd-MM-uuuu", "MM-dd-uuuu", "MMMM d, uuuu", "MMM d, uuuu", "d MMMM uuuu", "d MMM uuuu",
          "MMMM d uuuu", "dd MMM uuuu");
  private static final List<DateTimeFormatter> TIMES = formatters("HH:mm:ss", "HH:mm", "h:mm a", "h:mma");
  private static final int MAX_SHIFT_DAYS = 365;

  private Dates() {}

  static String fake(String original, Random random) {
    String text = original.strip();
    long days = (1 + random.nextInt(MAX_SHIFT_DAYS)) * (random.nextBoolean() ? 1L : -1L);
    for (DateTimeFormatter format : DATE_TIMES) {
      try {
        LocalDateTime parsed = LocalDateTime.parse(text, format);
        return format.format(parsed.plusDays(days).plusMinutes(random.nextInt(24 * 60)));
      } catch (DateTimeParseException e) {
        // not this format: try the next
      }
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return format.format(LocalDate.parse(text, format).plusDays(days));
      } catch (DateTimeParseException e) {
        // not this format: try the next
      }
    }
    for (DateTimeFormatter format : TIMES) {
      try {
        return format.format(LocalTime.parse(text, format).plusMinutes(1 + random.nextInt(24 * 60 - 1)));
      } catch (DateTimeParseException e) {
        // not this format: try the next
      }
    }
    LocalDate start = LocalDate.of(1950, 1, 1);
    return start.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(start, LocalDate.of(2030, 1, 1)))).toString();
  }

  private static List<DateTimeFormatter> formatters(String... patterns) {
    return Arrays.stream(patterns)
        .map(p -> DateTimeFormatter.ofPattern(p, Locale.US).withResolverStyle(ResolverStyle.STRICT))
        .toList();
  }
}
