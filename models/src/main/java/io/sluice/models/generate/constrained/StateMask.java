package io.sluice.models.generate.constrained;

/**
 * The tokens one automaton state allows, as a bit set over token ids, and how many more bytes each token would
 * leave to write before the document is complete (its "need"), so that a short token budget can be enforced
 * without walking the trie again.
 */
final class StateMask {
  private final long[] allowed;
  private final int allowedCount;
  /** Per token: bytes to completion after it minus before it, plus one, clipped to [0, 127]; null when unneeded. */
  private final byte[] need;
  private final int maxNeed;

  StateMask(long[] allowed, byte[] need, int maxNeed) {
    this.allowed = allowed;
    this.need = need;
    this.maxNeed = maxNeed;
    int count = 0;
    for (long word : allowed) {
      count += Long.bitCount(word);
    }
    this.allowedCount = count;
  }

  int allowedCount() {
    return allowedCount;
  }

  boolean allows(int tokenId) {
    return (tokenId >>> 6) < allowed.length && (allowed[tokenId >>> 6] & (1L << tokenId)) != 0;
  }

  /** True when some allowed token needs more than {@code slack}: the budget then has to filter tokens. */
  boolean budgetBinds(int slack) {
    return slack < maxNeed;
  }

  boolean hasNeeds() {
    return need != null;
  }

  /** Sets every logit the state does not allow to negative infinity (ids past the vocabulary included). */
  void apply(float[] logits) {
    int words = Math.min(allowed.length, (logits.length + 63) >>> 6);
    for (int w = 0; w < words; w++) {
      long blocked = ~allowed[w];
      while (blocked != 0) {
        int id = (w << 6) + Long.numberOfTrailingZeros(blocked);
        if (id >= logits.length) {
          break;
        }
        logits[id] = Float.NEGATIVE_INFINITY;
        blocked &= blocked - 1;
      }
    }
    java.util.Arrays.fill(logits, Math.min(logits.length, words << 6), logits.length, Float.NEGATIVE_INFINITY);
  }

  /**
   * Like {@link #apply} and also blocks the tokens that would need more than {@code slack} bytes beyond what the
   * state needs now. Returns how many tokens stay allowed.
   */
  int applyWithin(float[] logits, int slack) {
    int left = 0;
    for (int id = 0; id < logits.length; id++) {
      if (id < need.length && allows(id) && need[id] <= slack) {
        left++;
      } else {
        logits[id] = Float.NEGATIVE_INFINITY;
      }
    }
    return left;
  }
}
