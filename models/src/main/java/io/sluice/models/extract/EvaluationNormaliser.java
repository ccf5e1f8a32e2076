package io.sluice.models.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple normalisation span-model evaluation compares values under (the extraction transform's typed
 * normalisers are the user-facing ones; this only keeps the evaluation honest about formatting):
 * <ul>
 *   <li>text: trimmed, whitespace runs (line breaks included) as one space, case-folded;</li>
 *   <li>amounts: the first number after dropping currency symbols and letters (RM, $, MYR), thousands
 *       separators removed, trailing zeros dropped ("RM 1,234.50" and "1234.5" agree);</li>
 *   <li>dates: the first date found in a common day-first, ISO or month-name format, as ISO yyyy-MM-dd
 *       ("09/01/2019", "9-1-19" and "09 JAN 2019" agree); two-digit years are 20xx.</li>
 * </ul>
 * A value that does not parse as its kind is compared as text.
 */
final class EvaluationNormaliser {
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?");
  private static final Pattern NUMERIC_DATE = Pattern.compile("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}");
  private static final Pattern NAMED_DATE =
      Pattern.compile("\\d{1,2}[ -]?[A-Za-z]{3,9}[ ,-]*\\d{2,4}|[A-Za-z]{3,9} \\d{1,2},? \\d{4}");
  private static final List<DateTimeFormatter> FORMATS = List.of(
      formatter("yyyy-M-d"), formatter("yyyy/M/d"), formatter("d/M/yyyy"), formatter("d-M-yyyy"),
      formatter("d.M.yyyy"), twoDigitYear("d/M/"), twoDigitYear("d-M-"), twoDigitYear("d.M."),
      formatter("d MMM yyyy"), formatter("d-MMM-yyyy"), formatter("dMMMyyyy"), formatter("d MMMM yyyy"),
      twoDigitYear("d-MMM-"), twoDigitYear("d MMM "), formatter("MMM d, yyyy"), formatter("MMM d yyyy"));

  private EvaluationNormaliser() {}

  static String normalise(String value, SpanFields.Kind kind) {
    if (value == null) {
      return null;
    }
    String text = value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    String typed = switch (kind) {
      case AMOUNT -> amount(text);
      case DATE -> date(value.strip().replaceAll("\\s+", " "));
      case TEXT -> null;
    };
    return typed != null ? typed : text;
  }

  private static String amount(String text) {
    Matcher m = NUMBER.matcher(text);
    if (!m.find()) {
      return null;
    }
    BigDecimal d = new BigDecimal(m.group().replace(",", ""));
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  private static String date(String text) {
    for (Pattern p : List.of(NUMERIC_DATE, NAMED_DATE)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String candidate = m.group().replaceAll("[ ,]+", " ").strip();
        for (DateTimeFormatter f : FORMATS) {
          try {
            return LocalDate.parse(candidate, f).toString();
          } catch (DateTimeParseException e) {
            // not this format: try the next
          }
        }
      }
    }
    return null;
  }

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
  }

  private static DateTimeFormatter twoDigitYear(String prefix) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(prefix)
        .appendValueReduced(ChronoField.YEAR, 2, 2, 2000).toFormatter(Locale.ENGLISH);
  }
}
