package io.sluice.pii.validators;

/** The mod-11 check digit of UK NHS numbers (10 digits, weights 10..2 over the first nine). */
public final class NhsChecksum {

  private NhsChecksum() {}

  /** True when the ten digits of {@code number} (separators ignored) carry a correct check digit. */
  public static boolean isValid(CharSequence number) {
    String digits = Digits.only(number);
    if (digits.length() != 10) {
      return false;
    }
    int check = checkDigit(digits.substring(0, 9));
    return check >= 0 && check == digits.charAt(9) - '0';
  }

  /**
   * The check digit for nine payload digits, or -1 when the payload can never be a valid NHS number
   * (the remainder gives 10).
   */
  public static int checkDigit(CharSequence nineDigits) {
    if (nineDigits.length() != 9) {
      throw new IllegalArgumentException("an NHS payload has 9 digits");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      return 0;
    }
    return check == 10 ? -1 : check;
  }
}
