package io.sluice.synth.gate;

import java.io.Serializable;
import java.util.Arrays;

/**
 * MinHash signatures of word shingles and their LSH band keys.
 *
 * <p>A signature holds, for each of {@code permutations} hash functions, the smallest hash of any shingle
 * ({@code shingle} consecutive words) of the text; the fraction of positions where two signatures agree
 * estimates the Jaccard similarity of the two shingle sets (standard error sqrt(J(1-J)/permutations), 0.035 at
 * J = 0.8 with 128). The hash functions are fixed (seeded from a constant), so a text has the same signature on
 * every worker and in every run.
 *
 * <p>Banding: the signature is cut into {@code bands} runs of {@code permutations / bands} values; two texts
 * sharing any band's values become a candidate pair, which happens with probability 1 - (1 - J^rows)^bands
 * (with 32 bands of 4: 0.9999 at J = 0.8, 0.87 at 0.5, 0.23 at 0.3). Candidates are then verified on the full
 * signature, so banding only decides what is compared.
 *
 * @param shingle words per shingle; a text with fewer words is one shingle
 * @param permutations signature length
 * @param bands number of LSH bands; divides {@code permutations}
 */
public record MinHasher(int shingle, int permutations, int bands) implements Serializable {
  private static final long SEED = 0x5EED_5A17_C0DE_D00DL;

  public MinHasher {
    if (shingle < 1 || permutations < 1 || bands < 1 || permutations % bands != 0) {
      throw new IllegalArgumentException("shingle, permutations and bands must be positive, bands dividing"
          + " permutations: " + shingle + ", " + permutations + ", " + bands);
    }
  }

  /** The signature of a text's words ({@link TextTokens#hashes}); null for a text without words. */
  public int[] signature(long[] tokens) {
    if (tokens.length == 0) {
      return null;
    }
    long[] seeds = seeds();
    int[] signature = new int[permutations];
    Arrays.fill(signature, Integer.MAX_VALUE);
    int width = Math.min(shingle, tokens.length);
    for (int start = 0; start + width <= tokens.length; start++) {
      long shingleHash = SEED;
      for (int j = start; j < start + width; j++) {
        shingleHash = TextTokens.mix(shingleHash + tokens[j]);
      }
      for (int i = 0; i < permutations; i++) {
        // 31 bits keep the values non-negative, so a plain int comparison orders them.
        int value = (int) (TextTokens.mix(shingleHash ^ seeds[i]) >>> 33);
        if (value < signature[i]) {
          signature[i] = value;
        }
      }
    }
    return signature;
  }

  /** {@link #signature(long[])} of a text. */
  public int[] signature(String text) {
    return signature(TextTokens.hashes(text));
  }

  /** One key per band; texts sharing a key are candidates. The band number is part of the key. */
  public long[] bandKeys(int[] signature) {
    int rows = permutations / bands;
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long key = TextTokens.mix(SEED + band);
      for (int r = band * rows; r < (band + 1) * rows; r++) {
        key = TextTokens.mix(key ^ signature[r]);
      }
      keys[band] = key;
    }
    return keys;
  }

  /** The fraction of positions where two signatures agree: the MinHash estimate of Jaccard similarity. */
  public static double estimatedJaccard(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** The per-permutation seeds: a fixed splitmix sequence, so every worker uses the same hash functions. */
  private long[] seeds() {
    long[] seeds = new long[permutations];
    long state = SEED;
    for (int i = 0; i < permutations; i++) {
      state += 0x9e3779b97f4a7c15L;
      seeds[i] = TextTokens.mix(state);
    }
    return seeds;
  }
}
