package io.sluice.pii.recognizers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ASCII chars a match of a regex can start with, found by asking the regex: when matching a
 * one-char input fails without reaching its end ({@link Matcher#hitEnd()}), no longer input that
 * starts with that char can match either. Chars outside ASCII always count as possible starts.
 *
 * <p>Only for regexes without a positive lookbehind at their start, which would fail on the one-char
 * input whatever the char.
 */
final class MatchStarts {

  private final boolean[] ascii = new boolean[128];

  MatchStarts(Pattern pattern) {
    Matcher m = pattern.matcher("");
    for (char c = 0; c < ascii.length; c++) {
      m.reset(String.valueOf(c));
      ascii[c] = m.lookingAt() || m.hitEnd();
    }
  }

  boolean mayStartWith(char c) {
    return c >= ascii.length || ascii[c];
  }
}
