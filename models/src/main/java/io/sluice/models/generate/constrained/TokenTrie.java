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
