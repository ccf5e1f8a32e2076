package io.sluice.pii.operators.surrogate;

import java.util.Random;

/**
 * Format preservation: fakes keep the original's separators (spaces, dashes, dots, brackets) and the
 * class of every other character (digit, upper-case letter, lower-case letter).
 */
final class Shapes {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

  private Shapes() {}

  /** The letters and digits of {@code value}, in order. */
  static String compact(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * Writes {@code compact}'s characters into the letter/digit positions of {@code shape}, keeping its
   * separators. When the counts differ the shape cannot be kept, and {@code compact} is returned as is.
   */
  static String layout(String shape, String compact) {
    if (compact(shape).length() != compact.length()) {
      return compact;
    }
    StringBuilder out = new StringBuilder(shape.length());
    int next = 0;
    for (int i = 0; i < shape.length(); i++) {
      char c = shape.charAt(i);
      out.append(Character.isLetterOrDigit(c) ? compact.charAt(next++) : c);
    }
    return out.toString();
  }

  /**
   * A random value of the same shape: each digit becomes a random digit (a leading non-zero digit stays
   * non-zero, so numbers keep their length), each letter a random letter of the same case, the rest stays.
   */
  static String randomLike(String original, Random random) {
    StringBuilder out = new StringBuilder(original.length());
    boolean seenDigit = false;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c >= '0' && c <= '9') {
        boolean keepNonZero = !seenDigit && c != '0';
        out.append((char) ('0' + (keepNonZero ? 1 + random.nextInt(9) : random.nextInt(10))));
        seenDigit = true;
      } else if (c >= 'A' && c <= 'Z') {
        out.append(UPPER.charAt(random.nextInt(UPPER.length())));
      } else if (c >= 'a' && c <= 'z') {
        out.append(LOWER.charAt(random.nextInt(LOWER.length())));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Random hexadecimal digits in the hex-digit positions of {@code original}, keeping its letter case. */
  static String hexLike(String original, Random random) {
    StringBuilder out = new StringBuilder(original.length());
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (Character.digit(c, 16) >= 0) {
        char hex = Character.forDigit(random.nextInt(16), 16);
        out.append(Character.isUpperCase(c) ? Character.toUpperCase(hex) : hex);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code count} random decimal digits. */
  static String digits(int count, Random random) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }
}
