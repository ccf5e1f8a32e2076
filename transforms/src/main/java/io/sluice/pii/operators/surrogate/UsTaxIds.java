package io.sluice.pii.operators.surrogate;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fake US Social Security and Individual Taxpayer Identification Numbers that follow the issuing rules,
 * written in the original's format ({@code 123-45-6789}, {@code 123 45 6789}, {@code 123456789}).
 */
final class UsTaxIds {
  /** ITIN group numbers the IRS issues. */
  private static final int[] ITIN_GROUPS = range(70, 88, 90, 92, 94, 99);

  private UsTaxIds() {}

  /** Area 001-899 except 666, group 01-99, serial 0001-9999. */
  static String fakeSsn(String original, Random random) {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    int group = 1 + random.nextInt(99);
    int serial = 1 + random.nextInt(9999);
    return format(original, String.format("%03d%02d%04d", area, group, serial));
  }

  /** 9NN-GG-SSSS with an issued group. */
  static String fakeItin(String original, Random random) {
    int area = 900 + random.nextInt(100);
    int group = ITIN_GROUPS[random.nextInt(ITIN_GROUPS.length)];
    int serial = random.nextInt(10000);
    return format(original, String.format("%03d%02d%04d", area, group, serial));
  }

  private static String format(String original, String nineDigits) {
    if (Shapes.compact(original).length() == 9) {
      return Shapes.layout(original, nineDigits);
    }
    return nineDigits.substring(0, 3) + "-" + nineDigits.substring(3, 5) + "-" + nineDigits.substring(5);
  }

  /** Concatenated inclusive ranges given as (low, high) pairs. */
  private static int[] range(int... bounds) {
    return IntStream.range(0, bounds.length / 2)
        .flatMap(i -> IntStream.rangeClosed(bounds[2 * i], bounds[2 * i + 1]))
        .toArray();
  }
}
