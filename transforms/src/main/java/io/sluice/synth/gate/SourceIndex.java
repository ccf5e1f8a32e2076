package io.sluice.synth.gate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source corpus's MinHash signatures with an LSH table over their band keys, shipped to every worker as a
 * side input so each record is checked where it is generated, without a shuffle of the records.
 *
 * <p>Why a side input rather than a join on band keys: the check then costs one table lookup per band per record
 * and keeps records in place, and a source of 10,000 documents with 128-value signatures weighs about 5 MB. Its
 * size grows with the source (about 0.7 KB per document with the table), so a source of millions of documents
 * would need the join instead; the gate is meant for reference corpora of up to a few hundred thousand documents.
 *
 * <p>Deterministic: documents are ordered by id before their ordinals are given out, and a record matching
 * several documents is reported against the most similar one, the lowest ordinal on ties.
 */
final class SourceIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One source document's signature. */
  record Entry(String id, int[] signature) implements Serializable {}

  /** The source document a record copies. */
  record Match(String sourceId, double jaccard) {}

  private final MinHasher minHash;
  private final double threshold;
  private final String[] ids;
  private final int[][] signatures;
  private final Map<Long, int[]> ordinalsByBandKey;

  SourceIndex(MinHasher minHash, double threshold, List<Entry> entries) {
    this.minHash = minHash;
    this.threshold = threshold;
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::id).thenComparing(e -> e.signature(), java.util.Arrays::compare));
    ids = new String[sorted.size()];
    signatures = new int[sorted.size()][];
    Map<Long, List<Integer>> table = new HashMap<>();
    for (int ordinal = 0; ordinal < sorted.size(); ordinal++) {
      ids[ordinal] = sorted.get(ordinal).id();
      signatures[ordinal] = sorted.get(ordinal).signature();
      for (long key : minHash.bandKeys(signatures[ordinal])) {
        table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(ordinal);
      }
    }
    ordinalsByBandKey = new HashMap<>(table.size() * 2);
    table.forEach((key, ordinals) -> ordinalsByBandKey.put(key, ordinals.stream().mapToInt(Integer::intValue).toArray()));
  }

  int size() {
    return ids.length;
  }

  /** The most similar source document at or above the threshold, or null. */
  Match bestMatch(int[] signature) {
    int best = -1;
    double bestJaccard = -1;
    java.util.BitSet seen = null;
    for (long key : minHash.bandKeys(signature)) {
      int[] candidates = ordinalsByBandKey.get(key);
      if (candidates == null) {
        continue;
      }
      if (seen == null) {
        seen = new java.util.BitSet(ids.length);
      }
      for (int ordinal : candidates) {
        if (seen.get(ordinal)) {
          continue;
        }
        seen.set(ordinal);
        double jaccard = MinHasher.estimatedJaccard(signature, signatures[ordinal]);
        if (jaccard >= threshold && (jaccard > bestJaccard || (jaccard == bestJaccard && ordinal < best))) {
          best = ordinal;
          bestJaccard = jaccard;
        }
      }
    }
    return best < 0 ? null : new Match(ids[best], bestJaccard);
  }
}
