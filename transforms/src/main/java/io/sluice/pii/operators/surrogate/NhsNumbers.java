package io.sluice.pii.operators.surrogate;

import java.util.Random;

/** Fake UK NHS numbers with a valid mod-11 check digit, in the original's grouping ({@code 943 476 5919}). */
final class NhsNumbers {
  private NhsNumbers() {}

  static String fake(String original, Random random) {
    while (true) {
      String payload = (1 + random.nextInt(9)) + Shapes.digits(8, random);
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (payload.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 10) {
        continue; // no valid check digit exists for this payload: NHS never issues it
      }
      return Shapes.layout(original, payload + (check == 11 ? 0 : check));
    }
  }
}
