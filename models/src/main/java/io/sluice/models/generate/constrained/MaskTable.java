package io.sluice.models.generate.constrained;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes and caches the token mask of each automaton state for one vocabulary. A mask is computed by one walk of
 * the token trie from the state; states that no token can tell apart (a free string with many characters left,
 * whatever its exact count) share one entry, so after the first few documents almost every step is a lookup.
 * Thread-safe: generations on several threads share the table.
 */
final class MaskTable {
  /** Upper bound on cached states (each holds a bit set over the vocabulary, and maybe a byte per token). */
  static final int MAX_CACHED_STATES = 8192;
  private static final int MAX_NEED = 127;

  private final TokenVocabulary vocabulary;
  private final TokenTrie trie;
  private final int[] endTokenIds;
  private final int horizon;
  private final Map<Frame, StateMask> masks = new ConcurrentHashMap<>();
  private final Map<Frame, StateMask> masksWithNeeds = new ConcurrentHashMap<>();

  MaskTable(TokenVocabulary vocabulary, int[] endTokenIds) {
    this.vocabulary = vocabulary;
    this.trie = new TokenTrie(vocabulary);
    this.endTokenIds = endTokenIds.clone();
    this.horizon = Math.max(1, vocabulary.maxTokenBytes());
    for (int id : endTokenIds) {
      if (id < 0) {
        throw new IllegalArgumentException("end token ids must not be negative: " + id);
      }
    }
  }

  TokenVocabulary vocabulary() {
    return vocabulary;
  }

  boolean isEndToken(int tokenId) {
    for (int id : endTokenIds) {
      if (id == tokenId) {
        return true;
      }
    }
    return false;
  }

  /** The mask of a state; with needs when the token budget is about to bind. */
  StateMask maskOf(Frame state, boolean withNeeds) {
    Frame key = state.cacheKey(horizon);
    Map<Frame, StateMask> cache = withNeeds ? masksWithNeeds : masks;
    StateMask mask = cache.get(key);
    if (mask == null) {
      mask = compute(key, withNeeds);
      if (cache.size() < MAX_CACHED_STATES) {
        cache.put(key, mask);
      }
    }
    return mask;
  }

  int cachedStates() {
    return masks.size() + masksWithNeeds.size();
  }

  private StateMask compute(Frame state, boolean withNeeds) {
    int tokens = vocabulary.size();
    for (int id : endTokenIds) {
      tokens = Math.max(tokens, id + 1);
    }
    long[] allowed = new long[(tokens + 63) >>> 6];
    byte[] need = withNeeds ? new byte[tokens] : null;
    int before = Frame.bytesToComplete(state);
    Walk walk = new Walk(allowed, need, before);
    walk.from(TokenTrie.ROOT, state);
    if (Frame.isAccepting(state)) {
      for (int id : endTokenIds) {
        allowed[id >>> 6] |= 1L << id;
        if (need != null) {
          need[id] = 0;
        }
      }
    }
    return new StateMask(allowed, need, walk.maxNeed);
  }

  /** One depth-first walk of the trie, carrying the automaton state along each prefix. */
  private final class Walk {
    private final long[] allowed;
    private final byte[] need;
    private final int before;
    private int maxNeed;

    Walk(long[] allowed, byte[] need, int before) {
      this.allowed = allowed;
      this.need = need;
      this.before = before;
    }

    void from(int node, Frame state) {
      int end = trie.childStart(node) + trie.childCount(node);
      for (int edge = trie.childStart(node); edge < end; edge++) {
        Frame next = Frame.advance(state, trie.edgeLabel(edge));
        if (next == null) {
          continue;
        }
        int child = trie.edgeTarget(edge);
        if (trie.tokenCount(child) > 0) {
          mark(child, Frame.bytesToComplete(next) - before + 1);
        }
        if (trie.childCount(child) > 0) {
          from(child, next);
        }
      }
    }

    private void mark(int node, int tokenNeed) {
      maxNeed = Math.max(maxNeed, tokenNeed);
      int end = trie.tokenStart(node) + trie.tokenCount(node);
      for (int i = trie.tokenStart(node); i < end; i++) {
        int id = trie.tokenId(i);
        allowed[id >>> 6] |= 1L << id;
        if (need != null) {
          need[id] = (byte) Math.max(0, Math.min(MAX_NEED, tokenNeed));
        }
      }
    }
  }
}
