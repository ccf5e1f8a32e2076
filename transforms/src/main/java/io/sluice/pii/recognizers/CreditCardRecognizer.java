package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.CardIssuer;
import io.sluice.pii.validators.Digits;
import io.sluice.pii.validators.Luhn;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Payment card numbers, 13-19 digits, compact or grouped with one kind of separator (space or dash).
 * A match counts only when its Luhn digit is right and an issuer's prefix and length fit; then it is
 * certain (1.0), otherwise it is rejected.
 */
public final class CreditCardRecognizer extends RegexRecognizer {

  public CreditCardRecognizer() {
    super("CreditCardRecognizer", EntityTypes.CREDIT_CARD,
        Set.of("credit", "card", "visa", "mastercard", "cc", "amex", "discover", "jcb", "diners", "payment"),
        List.of(ScoredPattern.of("card",
            "(?<![0-9A-Za-z-])[0-9](?:[0-9]|[ -](?=[0-9])){11,22}[0-9](?![0-9A-Za-z]|-[0-9])", 0.3)
            .startingLike(StartShape.CARD_DIGITS)),
        Candidates.numericChunks(13, 0));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    String matched = match.group();
    if (!consistentSeparators(matched)) {
      return null;
    }
    String digits = Digits.only(matched);
    if (digits.length() < 13 || digits.length() > 19 || !Luhn.isValid(digits)
        || CardIssuer.of(digits).isEmpty()) {
      return null;
    }
    return detection(match.start(), match.end(), 1.0);
  }

  /** Spaces or dashes, not both: "4111 1111-1111 1111" is not how anyone writes a card. */
  private static boolean consistentSeparators(String matched) {
    return matched.indexOf(' ') < 0 || matched.indexOf('-') < 0;
  }
}
