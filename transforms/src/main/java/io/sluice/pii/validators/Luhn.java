package io.sluice.pii.validators;

/** The Luhn mod-10 checksum used by payment cards (ISO/IEC 7812-1). Non-digit characters are ignored. */
public final class Luhn {

  private Luhn() {}

  /** True when the digits of {@code number} (at least two) pass the Luhn check. */
  public static boolean isValid(CharSequence number) {
    int digits = 0;
    int sum = 0;
    for (int i = number.length() - 1; i >= 0; i--) {
      int d = number.charAt(i) - '0';
      if (d < 0 || d > 9) {
        continue;
      }
      sum += (digits % 2 == 1) ? doubled(d) : d;
      digits++;
    }
    return digits >= 2 && sum % 10 == 0;
  }

  /** The digit to append to {@code payload} so that the result passes {@link #isValid}. */
  public static int checkDigit(CharSequence payload) {
    int digits = 0;
    int sum = 0;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (d < 0 || d > 9) {
        continue;
      }
      // The check digit will sit at position 0 from the right, so the payload's last digit is doubled.
      sum += (digits % 2 == 0) ? doubled(d) : d;
      digits++;
    }
    return (10 - sum % 10) % 10;
  }

  private static int doubled(int d) {
    int x = d * 2;
    return x > 9 ? x - 9 : x;
  }
}
