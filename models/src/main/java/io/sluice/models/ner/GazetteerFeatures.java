package io.sluice.models.ner;

import java.util.List;

/**
 * Per token, which {@link Gazetteer} lists the word it belongs to is part of (a word being a run of letters and
 * digits: "#london" is looked up as "london"), with its neighbours' flags as {@link TokenFeatures} has them.
 */
final class GazetteerFeatures {
  /** Flags of one token. */
  static final int PER_TOKEN = Gazetteer.Kind.values().length;
  /** Width of one token's row. */
  static final int WIDTH = PER_TOKEN * (2 * TokenFeatures.CONTEXT + 1);

  private GazetteerFeatures() {}

  /** [tokens][WIDTH] rows; a token without a letter or digit (punctuation, emoji) has no flags of its own. */
  static float[][] rows(String text, int[] starts, int[] ends) {
    int[] cps = text.codePoints().toArray();
    List<int[]> words = Gazetteer.words(cps);
    boolean[][] kinds = Gazetteer.english().kinds(cps, words);
    int[] wordAt = new int[cps.length];
    java.util.Arrays.fill(wordAt, -1);
    for (int w = 0; w < words.size(); w++) {
      java.util.Arrays.fill(wordAt, words.get(w)[0], words.get(w)[1], w);
    }
    float[][] own = new float[starts.length][PER_TOKEN];
    for (int t = 0; t < starts.length; t++) {
      int word = firstWord(wordAt, starts[t], ends[t]);
      for (int k = 0; word >= 0 && k < PER_TOKEN; k++) {
        own[t][k] = kinds[word][k] ? 1f : 0f;
      }
    }
    return TokenFeatures.withNeighbours(own, PER_TOKEN);
  }

  private static int firstWord(int[] wordAt, int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, wordAt.length); i++) {
      if (wordAt[i] >= 0) {
        return wordAt[i];
      }
    }
    return -1;
  }
}
