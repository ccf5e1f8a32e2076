package io.sluice.pii.validators;

import java.util.Optional;

/**
 * Payment-card issuers recognised by their IIN prefix and allowed lengths. A number that matches no
 * issuer is not treated as a card even when its Luhn digit is right, which removes most random hits.
 */
public enum CardIssuer {
  VISA(new int[][] {{4, 4}}, 13, 16, 19),
  MASTERCARD(new int[][] {{51, 55}, {2221, 2720}}, 16),
  AMEX(new int[][] {{34, 34}, {37, 37}}, 15),
  DISCOVER(new int[][] {{6011, 6011}, {644, 649}, {65, 65}, {622126, 622925}}, 16, 17, 18, 19),
  DINERS(new int[][] {{300, 305}, {309, 309}, {36, 36}, {38, 39}}, 14, 15, 16, 17, 18, 19),
  JCB(new int[][] {{3528, 3589}}, 16, 17, 18, 19);

  /** Inclusive prefix ranges; both ends of a range have the same number of digits. */
  private final int[][] prefixRanges;
  private final int[] lengths;

  CardIssuer(int[][] prefixRanges, int... lengths) {
    this.prefixRanges = prefixRanges;
    this.lengths = lengths;
  }

  /** The issuer of a digits-only card number, if its prefix and length fit one. */
  public static Optional<CardIssuer> of(String digits) {
    for (CardIssuer issuer : values()) {
      if (issuer.accepts(digits)) {
        return Optional.of(issuer);
      }
    }
    return Optional.empty();
  }

  /** True when {@code digits} has one of this issuer's lengths and prefixes. */
  public boolean accepts(String digits) {
    if (!hasLength(digits.length())) {
      return false;
    }
    for (int[] range : prefixRanges) {
      int width = Integer.toString(range[0]).length();
      int prefix = Integer.parseInt(digits, 0, width, 10);
      if (prefix >= range[0] && prefix <= range[1]) {
        return true;
      }
    }
    return false;
  }

  private boolean hasLength(int length) {
    for (int allowed : lengths) {
      if (allowed == length) {
        return true;
      }
    }
    return false;
  }
}
