package io.sluice.pii.analyzer;

import java.util.ArrayList;
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
    }
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
