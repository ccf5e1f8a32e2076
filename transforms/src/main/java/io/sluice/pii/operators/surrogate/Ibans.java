package io.sluice.pii.operators.surrogate;

import io.sluice.pii.validators.Iban;
import java.util.Locale;
import java.util.Random;

/**
 * Fake IBANs that pass mod-97: same country and so the same country length, the same BBAN layout
 * (letters where the country's format has letters, digits where it has digits), the same grouping.
 */
final class Ibans {
  private Ibans() {}

  static String fake(String original, Random random) {
    String compact = Shapes.compact(original).toUpperCase(Locale.ROOT);
    if (compact.length() < 5 || !Character.isLetter(compact.charAt(0)) || !Character.isLetter(compact.charAt(1))) {
      return Shapes.randomLike(original, random); // not an IBAN after all: keep only its shape
    }
    String country = compact.substring(0, 2);
    String bban = Shapes.randomLike(compact.substring(4), random);
    String fake = country + Iban.checkDigits(country, bban) + bban;
    return Shapes.layout(original, matchCase(original, fake));
  }

  /** IBANs are written upper-case, but a lower-case original gets a lower-case fake. */
  private static String matchCase(String original, String fake) {
    return original.equals(original.toLowerCase(Locale.ROOT)) ? fake.toLowerCase(Locale.ROOT) : fake;
  }
}
