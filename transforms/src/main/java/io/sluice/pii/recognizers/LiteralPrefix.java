package io.sluice.pii.recognizers;

import java.util.regex.Pattern;

/**
 * The plain text every match of a user's regex starts with ("EMP-" for {@code EMP-\d{6}}), or null when
 * there is none that is certain: the regex starts with a metachar, escape or group, holds an alternation
 * anywhere, has flags, or its first chars include a surrogate. Matches can then only start where that
 * text occurs, which {@link String#indexOf} finds far faster than {@code find()} tries positions.
 */
final class LiteralPrefix {

  private static final String METACHARS = "\\^$.|?*+()[]{}";
  private static final String QUANTIFIERS = "?*+{";

  private LiteralPrefix() {}

  static String of(Pattern pattern) {
    String regex = pattern.pattern();
    if (pattern.flags() != 0 || regex.indexOf('|') >= 0) {
      return null;
    }
    int end = 0;
    while (end < regex.length() && METACHARS.indexOf(regex.charAt(end)) < 0) {
      if (Character.isSurrogate(regex.charAt(end))) {
        return null;
      }
      end++;
    }
    if (end < regex.length() && QUANTIFIERS.indexOf(regex.charAt(end)) >= 0) {
      end--; // "ab?": the quantifier makes the last char optional or repeated
    }
    return end > 0 ? regex.substring(0, end) : null;
  }
}
