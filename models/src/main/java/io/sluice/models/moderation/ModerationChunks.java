package io.sluice.models.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a document into the short pieces the moderation head scores: sentences (ends at . ! ? followed by
 * space, and line breaks), a chunk closing once it has {@link #MIN_WORDS} words, so a sentence of ordinary length
 * is a chunk of its own while short lines (a greeting, a phone number, an amount) are packed with their
 * neighbours instead of being judged alone. A harmful sentence in a long benign document is then scored on its
 * own: even one benign sentence beside it in the same chunk averaged it below threshold in our tests. A sentence
 * longer than {@link #MAX_WORDS} words (the length of the longer tweets and SMS the head was trained on) is cut at
 * word boundaries. A text of at most {@link #MAX_WORDS} words is one chunk, itself.
 */
final class ModerationChunks {
  static final int MAX_WORDS = 40;
  static final int MIN_WORDS = 12;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n\\s*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private ModerationChunks() {}

  static List<String> of(String text) {
    String trimmed = text.strip();
    if (words(trimmed) <= MAX_WORDS) {
      return List.of(trimmed);
    }
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int chunkWords = 0;
    for (String sentence : pieces(trimmed)) {
      int w = words(sentence);
      if (chunkWords >= MIN_WORDS || chunkWords > 0 && chunkWords + w > MAX_WORDS) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
        chunkWords = 0;
      }
      chunk.append(chunkWords > 0 ? " " : "").append(sentence);
      chunkWords += w;
    }
    if (chunkWords > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  /** Sentences, with any sentence longer than the limit cut into pieces of at most MAX_WORDS words. */
  private static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(text)) {
      if (sentence.isBlank()) {
        continue;
      }
      String[] w = SPACE.split(sentence.strip());
      for (int from = 0; from < w.length; from += MAX_WORDS) {
        out.add(String.join(" ", java.util.Arrays.copyOfRange(w, from, Math.min(w.length, from + MAX_WORDS))));
      }
    }
    return out;
  }

  static int words(String s) {
    return s.isBlank() ? 0 : SPACE.split(s.strip()).length;
  }
}
