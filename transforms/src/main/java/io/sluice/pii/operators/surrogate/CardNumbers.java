package io.sluice.pii.operators.surrogate;

import io.sluice.pii.validators.Luhn;
import java.util.Random;

/**
 * Fake payment card numbers that pass Luhn, with the original's length, separators and card network
 * (the network is coarse, common knowledge and what readers of redacted text expect to see preserved).
 */
final class CardNumbers {
  private CardNumbers() {}

  static String fake(String original, Random random) {
    String digits = Shapes.compact(original);
    int length = Math.max(digits.length(), 12);
    StringBuilder number = new StringBuilder(issuerPrefix(digits, length, random));
    number.append(Shapes.digits(length - 1 - number.length(), random));
    number.append(Luhn.checkDigit(number));
    return Shapes.layout(original, number.toString());
  }

  /** A real-looking issuer identification prefix of the same network as the original, if recognisable. */
  private static String issuerPrefix(String digits, int length, Random random) {
    if (digits.startsWith("34") || digits.startsWith("37") || (length == 15 && !digits.startsWith("4"))) {
      return random.nextBoolean() ? "34" : "37"; // American Express
    }
    if (digits.startsWith("36") || digits.startsWith("38") || length == 14) {
      return "36"; // Diners Club
    }
    if (digits.startsWith("35")) {
      return "35" + (28 + random.nextInt(62)); // JCB 3528-3589
    }
    if (digits.startsWith("5") || digits.startsWith("2")) {
      return "5" + (1 + random.nextInt(5)); // Mastercard 51-55
    }
    if (digits.startsWith("6")) {
      return "6011"; // Discover
    }
    return "4"; // Visa, also for anything unrecognised
  }
}
