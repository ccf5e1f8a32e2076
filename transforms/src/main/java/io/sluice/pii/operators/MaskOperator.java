package io.sluice.pii.operators;

/**
 * Overwrites letters and digits with a masking character, from the start or from the end of the value.
 *
 * <p>Separators (spaces, dashes, dots, {@code @}) are kept and do not count towards {@code charsToMask},
 * so {@code 4111-1111-1111-1234} with 12 masked reads {@code ****-****-****-1234}: the shape stays
 * readable and "keep the last four" means four digits whatever the formatting.
 */
final class MaskOperator implements Operator {
  private final int maskingCodePoint;
  /** Null masks every letter and digit. */
  private final Integer charsToMask;
  private final boolean fromEnd;

  MaskOperator(int maskingCodePoint, Integer charsToMask, boolean fromEnd) {
    this.maskingCodePoint = maskingCodePoint;
    this.charsToMask = charsToMask;
    this.fromEnd = fromEnd;
  }

  @Override
  public String name() {
    return OperatorTypes.MASK;
  }

  @Override
  public String apply(String entityType, String original) {
    int[] codePoints = original.codePoints().toArray();
    int remaining = charsToMask == null ? Integer.MAX_VALUE : charsToMask;
    for (int k = 0; k < codePoints.length && remaining > 0; k++) {
      int i = fromEnd ? codePoints.length - 1 - k : k;
      if (Character.isLetterOrDigit(codePoints[i])) {
        codePoints[i] = maskingCodePoint;
        remaining--;
      }
    }
    return new String(codePoints, 0, codePoints.length);
  }
}
