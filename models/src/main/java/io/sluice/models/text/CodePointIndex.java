package io.sluice.models.text;

/**
 * Converts UTF-16 char offsets of one string to Unicode code-point offsets (what our outputs use), in O(1)
 * per lookup after an O(n) scan. An offset inside a surrogate pair maps to the code point it belongs to.
 */
public final class CodePointIndex {
  private final int[] charToCodePoint;

  public CodePointIndex(String text) {
    charToCodePoint = new int[text.length() + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i++) {
      charToCodePoint[i] = cp;
      if (!(Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)))) {
        cp++;
      } else {
        charToCodePoint[++i] = cp++;
      }
    }
    charToCodePoint[text.length()] = cp;
  }

  public int codePointAt(int charOffset) {
    if (charOffset < 0 || charOffset >= charToCodePoint.length) {
      throw new IndexOutOfBoundsException("char offset " + charOffset + " outside text of length " + (charToCodePoint.length - 1));
    }
    return charToCodePoint[charOffset];
  }

  public int codePointLength() {
    return charToCodePoint[charToCodePoint.length - 1];
  }
}
