package io.sluice.pii.recognizers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prefix rule of a numbering plan (exit code "011", national prefix "0") applied to a digit string the
 * way libphonenumber applies it, with {@link Matcher#lookingAt()}. Nearly every plan writes these as plain
 * digits, which a {@link String#startsWith} tells without allocating a matcher for each of the several
 * readings of every phone candidate; any other regex is run as such.
 */
final class DigitPrefix {

  /** The digits when the rule is plain digits, else null. */
  private final String literal;
  private final Pattern pattern;

  private DigitPrefix(String regex) {
    this.literal = regex.chars().allMatch(c -> c >= '0' && c <= '9') ? regex : null;
    this.pattern = literal == null ? Pattern.compile(regex) : null;
  }

  /** The rule for {@code regex}, or null when the plan has none (an empty regex). */
  static DigitPrefix of(String regex) {
    return regex.isEmpty() ? null : new DigitPrefix(regex);
  }

  /** The length of the prefix the rule finds at the start of {@code digits}, or -1 when it finds none. */
  int lengthIn(String digits) {
    if (literal != null) {
      return digits.startsWith(literal) ? literal.length() : -1;
    }
    Matcher matcher = pattern.matcher(digits);
    return matcher.lookingAt() ? matcher.end() : -1;
  }

  boolean startsWith(String digits) {
    return lengthIn(digits) >= 0;
  }
}
