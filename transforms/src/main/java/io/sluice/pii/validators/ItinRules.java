package io.sluice.pii.validators;

/**
 * IRS Individual Taxpayer Identification Numbers: nine digits starting with 9 whose fourth and fifth
 * digits are in 50-65, 70-88, 90-92 or 94-99.
 */
public final class ItinRules {

  private ItinRules() {}

  /** True when the nine digits (separators ignored) follow the ITIN ranges. */
  public static boolean isValid(CharSequence itin) {
    String digits = Digits.only(itin);
    if (digits.length() != 9 || digits.charAt(0) != '9') {
      return false;
    }
    int group = Integer.parseInt(digits, 3, 5, 10);
    return (group >= 50 && group <= 65)
        || (group >= 70 && group <= 88)
        || (group >= 90 && group <= 92)
        || (group >= 94 && group <= 99);
  }
}
