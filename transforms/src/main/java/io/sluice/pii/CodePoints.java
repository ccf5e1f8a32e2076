package io.sluice.pii;

/**
 * Converts between Java's UTF-16 char offsets and Unicode code-point offsets, which is what every
 * Sluice output uses (as Python and Presidio count). Texts without surrogate pairs take the fast path.
 */
public final class CodePoints {

  private final String text;
  /** charToCodePoint[i] = code points before char i; null when the text has no surrogates. */
  private final int[] charToCodePoint;
  private final int[] codePointToChar;

  public CodePoints(String text) {
    this.text = text;
    int cpCount = text.codePointCount(0, text.length());
    if (cpCount == text.length()) {
      charToCodePoint = null;
      codePointToChar = null;
    } else {
      charToCodePoint = new int[text.length() + 1];
      codePointToChar = new int[cpCount + 1];
      int cp = 0;
      for (int i = 0; i < text.length(); i++) {
        boolean secondHalfOfPair =
            Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        if (secondHalfOfPair) {
          charToCodePoint[i] = cp - 1;
        } else {
          charToCodePoint[i] = cp;
          codePointToChar[cp] = i;
          cp++;
        }
      }
      charToCodePoint[text.length()] = cp;
      codePointToChar[cp] = text.length();
    }
  }

  public String text() {
    return text;
  }

  /** Code-point offset of a char offset; a char inside a surrogate pair maps to its pair's code point. */
  public int toCodePoint(int charOffset) {
    return charToCodePoint == null ? charOffset : charToCodePoint[charOffset];
  }

  /** Char offset of a code-point offset. */
  public int toChar(int codePointOffset) {
    return codePointToChar == null ? codePointOffset : codePointToChar[codePointOffset];
  }

  public int codePointLength() {
    return toCodePoint(text.length());
  }
}
