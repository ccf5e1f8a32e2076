package io.sluice.pii.analyzer;

import io.sluice.pii.Detection;
import io.sluice.policy.Policy.ContextSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Presidio's context enhancement: when one of the context words occurs among the
 * {@code window_words} words before or after a detection, its score becomes
 * {@code min(1, max(score + similarity_factor, min_score_with_context))}. Words are runs of letters,
 * digits, '#', '-' and '_', compared lower-cased and also without a trailing '#', "s", "ed" or "ing".
 */
final class ContextEnhancer {

  private final int windowWords;
  private final double similarityFactor;
  private final double minScoreWithContext;

  ContextEnhancer(ContextSettings settings) {
    this.windowWords = Math.max(0, settings.windowWords);
    this.similarityFactor = settings.similarityFactor;
    this.minScoreWithContext = settings.minScoreWithContext;
  }

  Detection enhance(String text, Detection detection, ContextWords context) {
    if (context.isEmpty() || windowWords == 0 || detection.score() >= 1.0) {
      return detection;
    }
    List<String> window = new ArrayList<>(2 * windowWords);
    wordsBefore(text, detection.start(), window);
    wordsAfter(text, detection.end(), window);
    if (!context.foundIn(window)) {
      return detection;
    }
    return detection.withScore(Math.max(detection.score() + similarityFactor, minScoreWithContext));
  }

  /** Up to {@code windowWords} words ending before {@code from}, in text order. */
  private void wordsBefore(String text, int from, List<String> out) {
    List<String> reversed = new ArrayList<>(windowWords);
    int i = from;
    while (reversed.size() < windowWords) {
      while (i > 0 && !isWordChar(text.charAt(i - 1))) {
        i--;
      }
      if (i == 0) {
        break;
      }
      int end = i;
      while (i > 0 && isWordChar(text.charAt(i - 1))) {
        i--;
      }
      reversed.add(text.substring(i, end));
    }
    for (int k = reversed.size() - 1; k >= 0; k--) {
      addWord(reversed.get(k), out);
    }
  }

  /** Up to {@code windowWords} words starting at or after {@code from}. */
  private void wordsAfter(String text, int from, List<String> out) {
    int i = from;
    int n = text.length();
    for (int found = 0; found < windowWords; found++) {
      while (i < n && !isWordChar(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        return;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      addWord(text.substring(start, i), out);
    }
  }

  /**
   * Adds the word and, standing in for Presidio's lemmas, its bare forms: "ssn#" also as "ssn",
   * "called"/"calling"/"calls" also as "call". Extra forms can only add matches, never hide one.
   */
  private static void addWord(String word, List<String> out) {
    String lower = word.toLowerCase(Locale.ROOT);
    out.add(lower);
    if (lower.length() > 1 && lower.endsWith("#")) {
      out.add(lower.substring(0, lower.length() - 1));
    }
    for (String suffix : INFLECTIONS) {
      if (lower.length() > suffix.length() + 2 && lower.endsWith(suffix)) {
        out.add(lower.substring(0, lower.length() - suffix.length()));
      }
    }
  }

  private static final String[] INFLECTIONS = {"s", "ed", "ing"};

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '#' || c == '-' || c == '_';
  }
}
