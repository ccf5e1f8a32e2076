package io.sluice.pii.operators.checks;

/**
 * Luhn (mod 10) check digit, used to make fake card numbers that pass the same checks as real ones.
 *
 * <p>Kept private to the surrogate generator until it is folded into the shared
 * {@code io.sluice.pii.validators} package.
 */
public final class Luhn {
  private Luhn() {}

  /** The digit that, appended to {@code payload} (decimal digits only), makes the whole number pass Luhn. */
  public static int checkDigit(CharSequence payload) {
    int sum = 0;
    // Walking from the right, the digit next to the (future) check digit is doubled first.
    boolean doubleIt = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int digit = payload.charAt(i) - '0';
      if (doubleIt) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }
}
