package io.sluice.pii.validators;

import java.util.Set;

/**
 * Which nine-digit numbers the SSA can have issued: area not 000, 666 or 9xx, group not 00, serial
 * not 0000, not one digit repeated, and not the numbers famous from advertising and samples.
 */
public final class SsnRules {

  /** Published as examples (123-45-6789, the Woolworth wallet card 078-05-1120, 219-09-9999 from an ad). */
  private static final Set<String> KNOWN_SAMPLES = Set.of("123456789", "078051120", "219099999");

  private SsnRules() {}

  /** True when the nine digits (separators ignored) can be a real SSN. */
  public static boolean isValid(CharSequence ssn) {
    String digits = Digits.only(ssn);
    if (digits.length() != 9 || Digits.allSame(digits) || KNOWN_SAMPLES.contains(digits)) {
      return false;
    }
    int area = Integer.parseInt(digits, 0, 3, 10);
    int group = Integer.parseInt(digits, 3, 5, 10);
    int serial = Integer.parseInt(digits, 5, 9, 10);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
