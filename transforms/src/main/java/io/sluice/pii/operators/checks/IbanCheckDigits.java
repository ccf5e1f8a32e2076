package io.sluice.pii.operators.checks;

import java.util.Locale;

/**
 * ISO 13616 / ISO 7064 mod-97-10 check digits of an IBAN, used to make fake IBANs that validate.
 *
 * <p>Kept private to the surrogate generator until it is folded into the shared
 * {@code io.sluice.pii.validators} package.
 */
public final class IbanCheckDigits {
  private IbanCheckDigits() {}

  /**
   * The two check digits for a country code and BBAN (letters and digits, no separators).
   *
   * @param countryCode two letters, e.g. {@code DE}
   * @param bban the account part after the check digits
   */
  public static String compute(String countryCode, String bban) {
    String rearranged = (bban + countryCode + "00").toUpperCase(Locale.ROOT);
    int check = 98 - mod97(rearranged);
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  /** Remainder mod 97 of the number formed by replacing letters with 10..35, computed piecewise. */
  private static int mod97(String alphanumeric) {
    int remainder = 0;
    for (int i = 0; i < alphanumeric.length(); i++) {
      int value = Character.digit(alphanumeric.charAt(i), 36);
      if (value < 0) {
        throw new IllegalArgumentException("IBAN part holds a character that is not a letter or digit at " + i);
      }
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder;
  }
}
