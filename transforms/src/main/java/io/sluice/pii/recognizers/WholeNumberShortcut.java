package io.sluice.pii.recognizers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;
import java.util.List;

/**
 * The answer of libphonenumber's {@code findNumbers(candidate, region, VALID)} for a phone-shaped
 * candidate, reached where it can be told for sure with one parse and {@code isValidNumber} (~15 us)
 * instead of the matcher (~35 us, about a third of the pattern recognizers' time before this).
 *
 * <p>For a candidate that ends in a digit and has no brackets but a leading "(...)" group, the matcher's
 * first match is the whole candidate (its other checks, for dates, time stamps, page ranges, unmatched
 * brackets and letters around the number, cannot fire there), and it accepts it when the number parses,
 * is valid, and carries the national prefix where the region's formatting rules require one. That last
 * rule is settled here only where it is sure: a number written with a country code, or one the gate
 * settles ({@link NationalNumberGate#nationalPrefixRuleHolds}). When the whole candidate is not valid the matcher
 * retries on groups inside it; without '+', {@link NationalNumberGate} says whether any of those can be
 * valid. The commonest case, a number written as the region's national number with nothing to strip,
 * needs no parse at all ({@link NationalNumberGate#acceptsAsWritten}). Everything else is left to the
 * matcher: {@link #spans} answers null.
 */
final class WholeNumberShortcut {

  private static final int[] NONE = new int[0];

  private final PhoneNumberUtil util;

  WholeNumberShortcut(PhoneNumberUtil util) {
    this.util = util;
  }

  /**
   * The spans (start/end pairs) findNumbers would return for {@code candidate} in {@code region}, or null
   * when only findNumbers can tell.
   *
   * @param gate the region's gate, or null when it has none
   * @param readings {@link PhoneRecognizer#readings} of the candidate: all its digits first, then the
   *     digit groups the matcher retries
   */
  int[] spans(String candidate, String region, NationalNumberGate gate, List<String> readings) {
    if (!matcherTakesWhole(candidate)) {
      return null;
    }
    if (takesAsWritten(candidate, gate, readings)) {
      return new int[] {0, candidate.length()};
    }
    PhoneNumber number = validNumber(candidate, region);
    if (number != null) {
      return nationalPrefixSettled(number, readings.get(0), gate) ? new int[] {0, candidate.length()} : null;
    }
    if (candidate.charAt(0) == '+' || gate == null) {
      return null;
    }
    for (int i = 1; i < readings.size(); i++) {
      if (gate.mayHoldNumber(readings.get(i))) {
        return null;
      }
    }
    return NONE;
  }

  /**
   * True when findNumbers surely finds the whole candidate, a national number written as is (no '+'),
   * without any parse: the commonest phone number, checked against the region's metadata alone; then
   * {@link #spans} answers the whole candidate. False: ask {@link #spans}.
   */
  boolean takesAsWritten(String candidate, NationalNumberGate gate, List<String> readings) {
    return candidate.charAt(0) != '+' && gate != null && matcherTakesWhole(candidate)
        && gate.acceptsAsWritten(readings.get(0));
  }

  /**
   * The matcher reads the whole candidate as its first match: it trims trailing non-digits, and an
   * opening bracket anywhere but first could make its bracket or page-range checks fire.
   */
  private static boolean matcherTakesWhole(String candidate) {
    char last = candidate.charAt(candidate.length() - 1);
    if (last < '0' || last > '9') {
      return false;
    }
    int open = candidate.lastIndexOf('(');
    int close = candidate.indexOf(')');
    if (open < 0) {
      return close < 0;
    }
    return open == 0 && close > 0 && close == candidate.lastIndexOf(')');
  }

  private PhoneNumber validNumber(String candidate, String region) {
    try {
      PhoneNumber number = util.parseAndKeepRawInput(candidate, region);
      return util.isValidNumber(number) ? number : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** The matcher's national prefix rule surely holds for {@code number}, parsed from {@code digits}. */
  private boolean nationalPrefixSettled(PhoneNumber number, String digits, NationalNumberGate gate) {
    if (number.getCountryCodeSource() != CountryCodeSource.FROM_DEFAULT_COUNTRY) {
      return true;
    }
    // Parsing strips the national prefix (or a carrier code) exactly when the matcher's own strip would.
    return gate != null
        && gate.nationalPrefixRuleHolds(util.getNationalSignificantNumber(number).length() < digits.length());
  }
}
