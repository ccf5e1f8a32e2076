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

  /**
   * The mask of a state; with needs when the token budget is about to bind. A mask is cached under the frames its
   * computation touched (usually the top one or two: a string's mask does not depend on the objects around it), so
   * the lookup tries the state cut after 1, 2, ... frames.
   */
  StateMask maskOf(Frame state, boolean withNeeds) {
    Map<Frame, StateMask> cache = withNeeds ? masksWithNeeds : masks;
    int depth = Frame.depth(state);
    for (int keep = 1; keep <= depth; keep++) {
      StateMask mask = cache.get(Frame.truncate(state, keep, horizon));
      if (mask != null) {
        return mask;
      }
    }
    Walk walk = new Walk(state.normalized(horizon), withNeeds);
    StateMask mask = walk.run();
    if (cache.size() < MAX_CACHED_STATES) {
      cache.put(Frame.truncate(state, walk.touched, horizon), mask);
    }
    return mask;
  }

  int cachedStates() {
    return masks.size() + masksWithNeeds.size();
  }

  /** One depth-first walk of the trie from a state, carrying the automaton state along each prefix. */
  private final class Walk implements Frame.Consumer {
    private final Frame start;
    private final long[] allowed;
    private final byte[] need;
    private final int before;
    /** Depth of each frame of the start state, to record how deep the walk reached. */
    private final Map<Frame, Integer> startDepth = new java.util.IdentityHashMap<>();
    private int touched = 1;
    private int maxNeed;

    Walk(Frame start, boolean withNeeds) {
      this.start = start;
      int tokens = vocabulary.size();
      for (int id : endTokenIds) {
        tokens = Math.max(tokens, id + 1);
      }
      this.allowed = new long[(tokens + 63) >>> 6];
      this.need = withNeeds ? new byte[tokens] : null;
      this.before = Frame.bytesToComplete(start);
      int depth = 0;
      for (Frame frame = start; frame != null; frame = frame.parent) {
        startDepth.put(frame, depth++);
      }
    }

    @Override
    public void visited(Frame frame) {
      Integer depth = startDepth.get(frame);
      if (depth != null && depth >= touched) {
        touched = depth + 1;
      }
    }

    StateMask run() {
      from(TokenTrie.ROOT, start);
      // end tokens follow a complete document: deciding that reads the frames down to one that cannot end
      boolean accepting = false;
      for (Frame frame = start; frame != null; frame = frame.parent) {
        visited(frame);
        if (frame instanceof Frame.DocumentEnd || !frame.canEnd()) {
          accepting = frame instanceof Frame.DocumentEnd;
          break;
        }
      }
      if (accepting) {
        for (int id : endTokenIds) {
          allow(id, 0);
        }
      }
      return new StateMask(allowed, need, maxNeed);
    }

    void from(int node, Frame state) {
      int end = trie.childStart(node) + trie.childCount(node);
      int plainRun = state.plainCharactersAllowed();
      for (int edge = trie.childStart(node); edge < end; edge++) {
        int label = trie.edgeLabel(edge);
        int child = trie.edgeTarget(edge);
        if (plainRun > trie.height(child) && TokenTrie.isPlainText(label) && trie.plainBelow(child)) {
          // free text with room for every token below: all of them are allowed and leave the state's needs as
          // they are, so the subtree is marked without walking it (most of the vocabulary inside strings)
          markSubtree(child, Frame.bytesToComplete(state) - before + 1);
          continue;
        }
        Frame next = Frame.advance(state, label, this);
        if (next == null) {
          continue;
        }
        if (trie.tokenCount(child) > 0) {
          mark(child, Frame.bytesToComplete(next) - before + 1);
        }
        if (trie.childCount(child) > 0) {
          from(child, next);
        }
      }
    }

    private void markSubtree(int node, int tokenNeed) {
      for (int i = trie.subtreeStart(node); i < trie.subtreeEnd(node); i++) {
        allow(trie.subtreeTokenId(i), tokenNeed);
      }
    }

    private void mark(int node, int tokenNeed) {
      int end = trie.tokenStart(node) + trie.tokenCount(node);
      for (int i = trie.tokenStart(node); i < end; i++) {
        allow(trie.tokenId(i), tokenNeed);
      }
    }

    private void allow(int id, int tokenNeed) {
      maxNeed = Math.max(maxNeed, tokenNeed);
      allowed[id >>> 6] |= 1L << id;
      if (need != null) {
        need[id] = (byte) Math.max(0, Math.min(MAX_NEED, tokenNeed));
      }
    }
  }
}
