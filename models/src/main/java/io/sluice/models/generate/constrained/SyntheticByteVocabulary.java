package io.sluice.models.generate.constrained;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A made-up byte-level BPE vocabulary shaped like SmolLM2's, for the mask benchmark and the tests (no real
 * tokenizer can be downloaded here): a few special tokens first, then all 256 single bytes, JSON punctuation
 * merges ({@code ":}, {@code ",}, {@code {"}...), digit groups, whitespace runs, some multi-byte characters, and
 * pseudo-words with and without a leading space up to the requested size.
 */
public final class SyntheticByteVocabulary {
  /** Ids of the special tokens (no bytes) at the start, as in SmolLM2 (0 is {@code <|endoftext|>}). */
  public static final int SPECIAL_TOKENS = 17;
  public static final int END_OF_TEXT = 0;

  private static final String[] PUNCTUATION = {"\":", "\",", "{\"", "\"}", " \"", "\":\"", "\",\"", "\"]", "[\"",
      "[{\"", "}]", "},{\"", "\":[", "\":{\"", "\": ", "\", \"", "\": \"", "\": [", "\": {", "},", "}}", "]}", "],",
      "\"},", "\"}]", "null", "true", "false", " null", " true", " false", ".\"", ",\"", "\\n", "\\\"", "\\u", "\n",
      "\n\n", "  ", "    ", "        ", "\t", " {", " [", "{\n", "\n}", ":", ",", "\"\"", "{}", "[]", "-", ".", "0."};
  private static final String[] MULTI_BYTE = {"é", "è", "ü", "ö", "ñ", "ç", "ß", "€", "中", "文", "日本", "—", "’",
      "“", "”", "…", "😀"};
  private static final String[] SYLLABLES = {"a", "an", "ar", "at", "be", "ca", "co", "de", "di", "do", "e", "el",
      "en", "er", "es", "ex", "fa", "fi", "ge", "ha", "he", "i", "in", "is", "it", "ja", "ka", "la", "le", "li", "lo",
      "ma", "me", "mi", "mo", "na", "ne", "no", "o", "on", "or", "ou", "pa", "pe", "po", "ra", "re", "ri", "ro",
      "sa", "se", "si", "so", "st", "ta", "te", "th", "ti", "to", "tr", "u", "un", "ur", "us", "ve", "vi", "wa", "we",
      "ya", "za"};

  private SyntheticByteVocabulary() {}

  /** Single bytes are already tokens: only longer texts are merges. */
  private static void addMerge(Set<String> texts, String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length > 1) {
      texts.add(text);
    }
  }

  public static TokenVocabulary build(int size, long seed) {
    Set<String> texts = new LinkedHashSet<>();
    List<byte[]> tokens = new ArrayList<>();
    for (int i = 0; i < SPECIAL_TOKENS; i++) {
      tokens.add(null);
    }
    for (int b = 0; b < 256; b++) {
      tokens.add(new byte[] {(byte) b});
    }
    for (String text : PUNCTUATION) {
      addMerge(texts, text);
    }
    for (String text : MULTI_BYTE) {
      addMerge(texts, text);
      addMerge(texts, " " + text);
    }
    for (int n = 0; n < 1000; n++) {
      addMerge(texts, String.valueOf(n));
      if (n < 100) {
        addMerge(texts, String.format("%02d", n));
      }
      addMerge(texts, String.format("%03d", n));
    }
    Random random = new Random(seed);
    while (tokens.size() + texts.size() < size) {
      StringBuilder word = new StringBuilder();
      int syllables = 1 + random.nextInt(4);
      for (int s = 0; s < syllables; s++) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (random.nextInt(5) == 0) {
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
      }
      addMerge(texts, random.nextBoolean() ? " " + word : word.toString());
    }
    for (String text : texts) {
      if (tokens.size() == size) {
        break;
      }
      tokens.add(text.getBytes(StandardCharsets.UTF_8));
    }
    return TokenVocabulary.ofBytes(tokens.toArray(new byte[0][]));
  }
}
