package io.sluice.models.generate.constrained;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * All token byte strings of a vocabulary in one prefix tree, stored as flat arrays. Walking it once from an
 * automaton state decides every token at the cost of the shared prefixes only: a prefix that is already invalid
 * rules out all the tokens below it.
 */
final class TokenTrie {
  static final int ROOT = 0;

  private final int[] childStart;
  private final int[] childCount;
  private final int[] childLabel;
  private final int[] childNode;
  private final int[] tokenStart;
  private final int[] tokenCount;
  private final int[] tokenIds;
  /** Token ids in depth-first order, so each subtree's tokens are one range [subtreeStart, subtreeEnd). */
  private final int[] subtreeTokenIds;
  private final int[] subtreeStart;
  private final int[] subtreeEnd;
  /** Bytes from a node down to its deepest token. */
  private final int[] height;
  /** True when every byte below the node is plain string text (printable ASCII, no quote, no backslash). */
  private final boolean[] plainBelow;

  TokenTrie(TokenVocabulary vocabulary) {
    List<TreeMap<Integer, Integer>> children = new ArrayList<>();
    List<List<Integer>> tokens = new ArrayList<>();
    children.add(new TreeMap<>());
    tokens.add(new ArrayList<>());
    for (int id = 0; id < vocabulary.size(); id++) {
      byte[] bytes = vocabulary.bytes(id);
      if (bytes == null) {
        continue;
      }
      int node = ROOT;
      for (byte b : bytes) {
        Integer next = children.get(node).get(b & 0xFF);
        if (next == null) {
          next = children.size();
          children.add(new TreeMap<>());
          tokens.add(new ArrayList<>());
          children.get(node).put(b & 0xFF, next);
        }
        node = next;
      }
      tokens.get(node).add(id);
    }
    int nodes = children.size();
    childStart = new int[nodes];
    childCount = new int[nodes];
    tokenStart = new int[nodes];
    tokenCount = new int[nodes];
    childLabel = new int[nodes - 1];
    childNode = new int[nodes - 1];
    int edges = 0;
    int ids = 0;
    for (List<Integer> list : tokens) {
      ids += list.size();
    }
    tokenIds = new int[ids];
    ids = 0;
    for (int node = 0; node < nodes; node++) {
      childStart[node] = edges;
      childCount[node] = children.get(node).size();
      for (var edge : children.get(node).entrySet()) {
        childLabel[edges] = edge.getKey();
        childNode[edges] = edge.getValue();
        edges++;
      }
      tokenStart[node] = ids;
      tokenCount[node] = tokens.get(node).size();
      for (int id : tokens.get(node)) {
        tokenIds[ids++] = id;
      }
    }
    height = new int[nodes];
    plainBelow = new boolean[nodes];
    // children are created after their parents, so a reverse pass sees every child first
    for (int node = nodes - 1; node >= 0; node--) {
      boolean plain = true;
      for (int edge = childStart[node]; edge < childStart[node] + childCount[node]; edge++) {
        height[node] = Math.max(height[node], 1 + height[childNode[edge]]);
        plain &= isPlainText(childLabel[edge]) && plainBelow[childNode[edge]];
      }
      plainBelow[node] = plain;
    }
    subtreeTokenIds = new int[ids];
    subtreeStart = new int[nodes];
    subtreeEnd = new int[nodes];
    numberSubtrees(ROOT, 0);
  }

  /** Lists the tokens of node's subtree from position next on; returns the position after them. */
  private int numberSubtrees(int node, int next) {
    subtreeStart[node] = next;
    for (int i = tokenStart[node]; i < tokenStart[node] + tokenCount[node]; i++) {
      subtreeTokenIds[next++] = tokenIds[i];
    }
    for (int edge = childStart[node]; edge < childStart[node] + childCount[node]; edge++) {
      next = numberSubtrees(childNode[edge], next);
    }
    subtreeEnd[node] = next;
    return next;
  }

  static boolean isPlainText(int b) {
    return b >= 0x20 && b < 0x7F && b != '"' && b != '\\';
  }

  int height(int node) {
    return height[node];
  }

  boolean plainBelow(int node) {
    return plainBelow[node];
  }

  int subtreeStart(int node) {
    return subtreeStart[node];
  }

  int subtreeEnd(int node) {
    return subtreeEnd[node];
  }

  int subtreeTokenId(int index) {
    return subtreeTokenIds[index];
  }

  int childStart(int node) {
    return childStart[node];
  }

  int childCount(int node) {
    return childCount[node];
  }

  int edgeLabel(int edge) {
    return childLabel[edge];
  }

  int edgeTarget(int edge) {
    return childNode[edge];
  }

  int tokenStart(int node) {
    return tokenStart[node];
  }

  int tokenCount(int node) {
    return tokenCount[node];
  }

  int tokenId(int index) {
    return tokenIds[index];
  }

  int nodeCount() {
    return childStart.length;
  }
}
