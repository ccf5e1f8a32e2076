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
    int[] words = new int[4 * windowWords];
    int count = wordsBefore(text, detection.start(), words, 0);
    count = wordsAfter(text, detection.end(), words, count);
    boolean found = context.hasPhrases()
        ? holdsPhraseOrWord(text, words, count, context)
        : holdsWord(text, words, count, context);
    if (!found) {
      return detection;
    }
    return detection.withScore(Math.max(detection.score() + similarityFactor, minScoreWithContext));
  }

  /**
   * Without phrases, each window word is looked up on its own: only the words that may match (most start
   * like no context word) are lower-cased, not the whole window.
   */
  private static boolean holdsWord(String text, int[] words, int count, ContextWords context) {
    List<String> forms = null;
    for (int w = 0; w < count; w += 2) {
      if (context.mayMatchFormOf(text, words[w], words[w + 1])) {
        if (forms == null) {
          forms = new ArrayList<>(4);
        } else {
          forms.clear();
        }
        addWord(text.substring(words[w], words[w + 1]), forms);
        if (context.foundIn(forms)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A phrase spans consecutive window words, so the whole window is lower-cased once a first word may match. */
  private static boolean holdsPhraseOrWord(String text, int[] words, int count, ContextWords context) {
    if (!mayHoldContextWord(text, words, count, context)) {
      return false; // most windows: no word even starts like a context word, nothing to lower-case
    }
    List<String> window = new ArrayList<>(count);
    for (int w = 0; w < count; w += 2) {
      addWord(text.substring(words[w], words[w + 1]), window);
    }
    return context.foundIn(window);
  }

  private static boolean mayHoldContextWord(String text, int[] words, int count, ContextWords context) {
    for (int w = 0; w < count; w += 2) {
      if (context.mayMatchFormOf(text, words[w], words[w + 1])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Up to {@code windowWords} words ending before {@code from}, as start/end pairs in text order, written
   * to {@code out} from {@code count}; returns the new count.
   */
  private int wordsBefore(String text, int from, int[] out, int count) {
    int found = 0;
    int i = from;
    while (found < windowWords) {
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
      found++;
      int at = count + 2 * (windowWords - found);
      out[at] = i;
      out[at + 1] = end;
    }
    // Found last to first from the slots' end: move them to the front, in text order.
    System.arraycopy(out, count + 2 * (windowWords - found), out, count, 2 * found);
    return count + 2 * found;
  }

  /** Up to {@code windowWords} words starting at or after {@code from}, appended like {@link #wordsBefore}. */
  private int wordsAfter(String text, int from, int[] out, int count) {
    int i = from;
    int n = text.length();
    for (int found = 0; found < windowWords; found++) {
      while (i < n && !isWordChar(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      out[count++] = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      out[count++] = i;
    }
    return count;
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
    if (c < 128) {
      return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '#' || c == '-' || c == '_';
    }
    return Character.isLetterOrDigit(c);
  }
}
