package io.sluice.synth.gate;

/**
 * The normalised words of a text as 64-bit hashes: maximal runs of letters and digits, lower-cased, so
 * that case, punctuation and spacing do not make two texts differ. Every text comparison of the gate
 * (exact duplicates, shingles, distinct n-grams) starts from these, so they agree on what "the same" means.
 *
 * <p>Hashes are computed from the code points (FNV-1a, then a 64-bit finalizer), never from
 * {@link String#hashCode()} or anything the JVM may vary, so signatures are the same on every worker.
 */
public final class TextTokens {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private TextTokens() {}

  /** Hashes of the text's words, in order. */
  public static long[] hashes(String text) {
    long[] out = new long[Math.max(4, text.length() / 5)];
    int count = 0;
    long hash = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        hash = (hash ^ Character.toLowerCase(cp)) * FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        if (count == out.length) {
          out = java.util.Arrays.copyOf(out, count * 2);
        }
        out[count++] = mix(hash);
        hash = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      if (count == out.length) {
        out = java.util.Arrays.copyOf(out, count + 1);
      }
      out[count++] = mix(hash);
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** One hash for a whole token sequence: equal for texts that differ only in case, punctuation and spacing. */
  public static long sequenceHash(long[] tokens) {
    long hash = mix(tokens.length);
    for (long token : tokens) {
      hash = mix(hash * 31 + token);
    }
    return hash;
  }

  /** The splitmix64 finalizer: spreads every input bit over the output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
