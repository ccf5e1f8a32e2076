package io.sluice.pii.analyzer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lower-cased context words and multi-word phrases ("social security") for one recognizer and entity. */
final class ContextWords {

  static final ContextWords NONE = new ContextWords(List.of());

  private final Set<String> words = new HashSet<>();
  private final List<String[]> phrases = new ArrayList<>();
  /** First two chars (ASCII, lower-cased) of each word and phrase's first word, as {@link #pair} keys. */
  private final BitSet pairs = new BitSet(ASCII * ASCII);
  /** The one-char words and phrase first words (ASCII, lower-cased). */
  private final BitSet singles = new BitSet(ASCII);

  ContextWords(Collection<String> entries) {
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        continue;
      }
      String[] parts = entry.strip().toLowerCase(Locale.ROOT).split("\\s+");
      if (parts.length == 1) {
        words.add(parts[0]);
      } else {
        phrases.add(parts);
      }
      String first = parts[0];
      if (first.length() == 1 && first.charAt(0) < ASCII) {
        singles.set(first.charAt(0));
      } else if (first.charAt(0) < ASCII && first.charAt(1) < ASCII) {
        pairs.set(pair(first.charAt(0), first.charAt(1)));
      }
    }
  }

  private static final int ASCII = 128;

  private static int pair(char first, char second) {
    return first * ASCII + second;
  }

  /**
   * False when no lower-cased form of the word {@code text[start, end)} (the word, or a prefix of it:
   * without a trailing '#' or an inflection, see ContextEnhancer) can equal a context word or a phrase's
   * first word: every form longer than one char starts with the word's first two chars, a one-char form
   * comes only from a one-char word or one like "x#". A word starting outside ASCII may always match.
   */
  boolean mayMatchFormOf(String text, int start, int end) {
    char first = text.charAt(start);
    if (first >= ASCII || (end - start > 1 && text.charAt(start + 1) >= ASCII)) {
      return true;
    }
    char lower = lower(first);
    if (end - start == 1 || (end - start == 2 && text.charAt(start + 1) == '#')) {
      if (singles.get(lower)) {
        return true;
      }
    }
    return end - start > 1 && pairs.get(pair(lower, lower(text.charAt(start + 1))));
  }

  private static char lower(char ascii) {
    return ascii >= 'A' && ascii <= 'Z' ? (char) (ascii + 32) : ascii;
  }

  boolean hasPhrases() {
    return !phrases.isEmpty();
  }

  boolean isEmpty() {
    return words.isEmpty() && phrases.isEmpty();
  }

  /** True when any word, or any phrase as consecutive words, occurs in {@code window}. */
  boolean foundIn(List<String> window) {
    for (String w : window) {
      if (words.contains(w)) {
        return true;
      }
    }
    for (String[] phrase : phrases) {
      for (int i = 0; i + phrase.length <= window.size(); i++) {
        int j = 0;
        while (j < phrase.length && phrase[j].equals(window.get(i + j))) {
          j++;
        }
        if (j == phrase.length) {
          return true;
        }
      }
    }
    return false;
  }
}
