package io.sluice.pii.operators.surrogate;

import io.sluice.pii.validators.NhsChecksum;
import java.util.Random;

/** Fake UK NHS numbers with a valid mod-11 check digit, in the original's grouping ({@code 943 476 5919}). */
final class NhsNumbers {
  private NhsNumbers() {}

  static String fake(String original, Random random) {
    while (true) {
      String payload = (1 + random.nextInt(9)) + Shapes.digits(8, random);
      int check = NhsChecksum.checkDigit(payload);
      if (check < 0) {
        continue; // no valid check digit exists for this payload: NHS never issues it
      }
      return Shapes.layout(original, payload + check);
    }
  }
}
