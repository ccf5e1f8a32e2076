package io.sluice.models.ner;

import java.util.Arrays;
import java.util.List;

/**
 * Per token, which of a chosen subset of {@link Gazetteer} lists the word it belongs to is part of (a word being a
 * run of letters and digits: "#london" is looked up as "london"), with its neighbours' flags as
 * {@link TokenFeatures} has them. A subset, because lists differ in what they cost: the place and organisation
 * lists also fire on ordinary business words, the name lists rarely do.
 */
final class GazetteerFeatures {
  private GazetteerFeatures() {}

  /** Width of one token's row when it carries {@code kinds}. */
  static int width(List<Gazetteer.Kind> kinds) {
    return kinds.size() * (2 * TokenFeatures.CONTEXT + 1);
  }

  /**
   * [tokens][width(kinds)] rows, the flags of each token in {@code kinds} order; a token without a letter or digit
   * (punctuation, emoji) has no flags of its own.
   */
  static float[][] rows(String text, int[] starts, int[] ends, List<Gazetteer.Kind> kinds) {
    int[] cps = text.codePoints().toArray();
    List<int[]> words = Gazetteer.words(cps);
    boolean[][] listed = Gazetteer.english().kinds(cps, words);
    int[] wordAt = new int[cps.length];
    Arrays.fill(wordAt, -1);
    for (int w = 0; w < words.size(); w++) {
      Arrays.fill(wordAt, words.get(w)[0], words.get(w)[1], w);
    }
    float[][] own = new float[starts.length][kinds.size()];
    for (int t = 0; t < starts.length; t++) {
      int word = firstWord(wordAt, starts[t], ends[t]);
      for (int k = 0; word >= 0 && k < kinds.size(); k++) {
        own[t][k] = listed[word][kinds.get(k).ordinal()] ? 1f : 0f;
      }
    }
    return TokenFeatures.withNeighbours(own, kinds.size());
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
