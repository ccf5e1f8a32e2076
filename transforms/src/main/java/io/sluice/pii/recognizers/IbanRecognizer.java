package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.Iban;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * IBANs, compact or in groups of four, upper case. Valid ones (country length and mod-97) are certain;
 * others are rejected. A grouped IBAN followed by an upper-case word is cut back to its country's length.
 */
public final class IbanRecognizer extends RegexRecognizer {

  public IbanRecognizer() {
    super("IbanRecognizer", EntityTypes.IBAN_CODE, Set.of("iban", "bank", "account", "transfer", "transaction"),
        List.of(ScoredPattern.of("iban",
            "(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])", 0.5)
            .startingLike(StartShape.COUNTRY_AND_CHECK_DIGITS)),
        IBAN_STARTS);
  }

  /** Up to 34 chars in groups of four: a token that starts like "DE89" and the seven tokens after it. */
  private static final Candidates IBAN_STARTS = new Candidates() {
    @Override
    public int[] regions(TextIndex index) {
      Regions out = new Regions();
      String text = index.text();
      // "DE89": every IBAN token holds digits.
      for (int i = 0; i < index.flaggedTokenCount(); i++) {
        int t = index.flaggedToken(i);
        if ((index.tokenFlags(t) & TextIndex.DIGIT) == 0) {
          continue;
        }
        int s = index.tokenStart(t);
        int length = index.tokenEnd(t) - s;
        // One leading char may be punctuation: "(DE89".
        if ((length >= 4 && startsLikeIban(text, s)) || (length >= 5 && startsLikeIban(text, s + 1))) {
          out.add(s, index.tokenEnd(Math.min(index.tokenCount() - 1, t + 7)));
        }
      }
      return out.toArray();
    }
  };

  private static boolean startsLikeIban(String text, int at) {
    return isUpper(text.charAt(at)) && isUpper(text.charAt(at + 1)) && isDigit(text.charAt(at + 2))
        && isDigit(text.charAt(at + 3));
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    int start = match.start();
    int end = match.end();
    if (Iban.isValid(text.substring(start, end))) {
      return detection(start, end, 1.0);
    }
    int expected = Iban.expectedLength(text.substring(start, start + 2));
    int cut = endAfterChars(text, start, end, expected);
    if (cut > 0 && cut < end && text.charAt(cut) == ' ' && Iban.isValid(text.substring(start, cut))) {
      return detection(start, cut, 1.0);
    }
    return null;
  }

  /** Char offset after {@code count} non-space chars from {@code start}, or -1 when the span is shorter. */
  private static int endAfterChars(String text, int start, int end, int count) {
    int seen = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) != ' ' && ++seen == count) {
        return i + 1;
      }
    }
    return -1;
  }
}
