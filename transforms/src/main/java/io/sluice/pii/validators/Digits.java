package io.sluice.pii.validators;

/** Helpers for numbers written with separators. */
public final class Digits {

  private Digits() {}

  /** The ASCII digits of {@code text}, in order, without anything else. */
  public static String only(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** True when every char is the same one (e.g. 111-11-1111), a sign of a placeholder. */
  public static boolean allSame(String digits) {
    for (int i = 1; i < digits.length(); i++) {
      if (digits.charAt(i) != digits.charAt(0)) {
        return false;
      }
    }
    return true;
  }
}
