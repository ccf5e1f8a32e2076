package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Dates and times: ISO 8601 dates and date-times, numeric dates (d/m/y or m/d/y with '/', '.' or '-';
 * y/m/d), written dates ("March 5, 2024", "5th of March 2024", "Tue, 5 Mar 2024", "March 2024") and
 * clock times ("14:30", "2:30 pm", "9am"). Numeric fields are range-checked; a bare time is weaker
 * than a date.
 */
public final class DateTimeRecognizer extends RegexRecognizer {

  private static final String NUMERIC_DMY = "numeric";
  private static final String CLOCK_TIME = "clock time";
  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String WEEKDAY =
      "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s)?";
  private static final String DAY = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:1[89]|20)[0-9]{2}";
  private static final String BEFORE = "(?<![0-9A-Za-z])";
  private static final String AFTER = "(?![0-9A-Za-z])";
  private static final String NUMERIC_BEFORE = "(?<![0-9A-Za-z/.:-])";
  private static final String NUMERIC_AFTER = "(?![0-9A-Za-z]|[/.:-][0-9])";
  private static final String CLOCK = "(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]{1,9})?)?";
  /** "pm" or "p.m.", never "pm." whose dot ends the sentence. */
  private static final String MERIDIEM = "(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm])";

  public DateTimeRecognizer() {
    super("DateTimeRecognizer", EntityTypes.DATE_TIME,
        Set.of("date", "time", "birthday", "birth", "born", "dob", "expires", "expiry", "scheduled", "due"),
        List.of(
            ScoredPattern.of("iso 8601", NUMERIC_BEFORE + YEAR + "-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
                + "(?:[T ]" + CLOCK + "(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?)?" + NUMERIC_AFTER, 0.6)
                .startingLike(StartShape.ISO_DATE),
            ScoredPattern.of(NUMERIC_DMY, NUMERIC_BEFORE + "([0-9]{1,2})([/.-])([0-9]{1,2})\\2(" + YEAR + "|[0-9]{2})"
                + NUMERIC_AFTER, 0.6).startingLike(StartShape.DAY_AND_MONTH),
            ScoredPattern.of("numeric ymd", NUMERIC_BEFORE + YEAR + "([/.])(?:0?[1-9]|1[0-2])\\1(?:[12][0-9]|3[01]|0?[1-9])"
                + NUMERIC_AFTER, 0.6).startingLike(StartShape.YEAR_SLASH_OR_DOT),
            ScoredPattern.of("month day year", "(?i)" + BEFORE + WEEKDAY + MONTH + "(?:\\s" + DAY + "(?:,?\\s" + YEAR
                + ")?|,?\\s" + YEAR + ")" + AFTER, 0.6)
                .within(MONTH_TOKENS).startingLike(StartShape.WEEKDAY_OR_MONTH),
            ScoredPattern.of("day month year", "(?i)" + BEFORE + WEEKDAY + DAY + "(?:\\sof)?\\s" + MONTH + "(?:,?\\s"
                + YEAR + ")?" + AFTER, 0.6).within(MONTH_TOKENS).startingLike(StartShape.WEEKDAY_OR_DAY),
            ScoredPattern.of(CLOCK_TIME, NUMERIC_BEFORE + CLOCK + "(?:\\s?" + MERIDIEM + ")?" + "(?![0-9A-Za-z]|[:.][0-9])",
                0.4).within(Candidates.tokensWith(TextIndex.COLON, 4, 1)).startingLike(StartShape.HOUR_COLON),
            ScoredPattern.of("hour meridiem", BEFORE + "(?:1[0-2]|0?[1-9])\\s?" + MERIDIEM + "(?![A-Za-z0-9])", 0.5)
                .within(HOUR_BEFORE_MERIDIEM).startingLike(StartShape.HOUR_MERIDIEM)),
        // Numeric dates are single tokens: "5/3/24" is the shortest.
        Candidates.tokensWith(TextIndex.DIGIT, 6));
  }

  /**
   * Tokens starting with a month name ("Mar", "march,"), with two tokens on each side: a weekday and a
   * day may come before the month, a day and a year after it.
   */
  private static final Candidates MONTH_TOKENS = new Candidates() {
    @Override
    public int[] regions(TextIndex index) {
      Regions out = new Regions();
      for (int i = 0; i < index.flaggedTokenCount(); i++) {
        int t = index.flaggedToken(i);
        if ((index.tokenFlags(t) & TextIndex.MONTH) != 0) {
          int first = Math.max(0, t - 2);
          int last = Math.min(index.tokenCount() - 1, t + 2);
          out.add(index.tokenStart(first), index.tokenEnd(last));
        }
      }
      return out.toArray();
    }
  };

  /** A run of one or two digits followed, maybe after a space, by 'a' or 'p': "9am", "10 P.M.". */
  private static final Candidates HOUR_BEFORE_MERIDIEM = new Candidates() {
    @Override
    public int[] regions(TextIndex index) {
      Regions out = new Regions();
      String text = index.text();
      int n = text.length();
      for (int r = 0; r < index.digitRunCount(); r++) {
        int start = index.digitRunStart(r);
        int end = index.digitRunEnd(r);
        int next = end < n && text.charAt(end) == ' ' ? end + 1 : end;
        if (end - start <= 2 && next < n && "aApP".indexOf(text.charAt(next)) >= 0) {
          out.add(start, Math.min(n, next + 4));
        }
      }
      return out.toArray();
    }
  };

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    if (pattern.name().equals(NUMERIC_DMY)) {
      return acceptNumericDate(match, pattern);
    }
    double score = pattern.score();
    if (pattern.name().equals(CLOCK_TIME) && hasMeridiem(match.group())) {
      score = 0.6;
    }
    return detection(match.start(), match.end(), score);
  }

  /** d/m/y or m/d/y: one field a month, the other a day; a two-digit year only with '/'. */
  private Detection acceptNumericDate(Matcher match, ScoredPattern pattern) {
    int first = Integer.parseInt(match.group(1));
    int second = Integer.parseInt(match.group(3));
    boolean plausible = first >= 1 && second >= 1
        && ((first <= 12 && second <= 31) || (second <= 12 && first <= 31));
    boolean twoDigitYear = match.group(4).length() == 2;
    if (!plausible || (twoDigitYear && !match.group(2).equals("/"))) {
      return null;
    }
    return detection(match.start(), match.end(), twoDigitYear ? 0.5 : pattern.score());
  }

  private static boolean hasMeridiem(String matched) {
    char last = Character.toLowerCase(matched.charAt(matched.length() - 1));
    return last == 'm' || last == '.';
  }
}
