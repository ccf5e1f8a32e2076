package io.sluice.synth.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded pseudo-English documents (words from a fixed 2,000-word made-up vocabulary) and light edits of them:
 * texts with known overlap for the gate's tests and benchmark, the same in every run.
 */
final class GateTexts {
  private static final String[] WORDS = words();

  private GateTexts() {}

  /** {@code length} words drawn from a 2,000-word vocabulary, with sentence punctuation; the seed fixes the text. */
  static String document(long seed, int length) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      out.append(i % 12 == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      out.append(i % 12 == 11 ? ". " : " ");
    }
    return out.toString().strip();
  }

  /** The text with {@code changes} words, spread evenly, replaced by words from outside the vocabulary. */
  static String edit(String text, int changes) {
    String[] words = text.split(" ");
    int step = Math.max(1, words.length / (changes + 1));
    for (int c = 1; c <= changes; c++) {
      words[Math.min(words.length - 1, c * step)] = "edited" + c;
    }
    return String.join(" ", words);
  }

  private static String[] words() {
    List<String> out = new ArrayList<>();
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    Random random = new Random(42);
    while (out.size() < 2000) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        w.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(5)));
      }
      out.add(w.toString());
    }
    return out.toArray(String[]::new);
  }
}
