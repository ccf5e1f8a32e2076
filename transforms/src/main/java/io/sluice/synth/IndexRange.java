package io.sluice.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Record indices [from, to): a unit of generation work. */
public record IndexRange(long from, long to) implements Serializable {
  /** [0, count) cut into ranges of at most {@code size} indices. */
  public static List<IndexRange> split(long count, long size) {
    List<IndexRange> ranges = new ArrayList<>();
    for (long from = 0; from < count; from += size) {
      ranges.add(new IndexRange(from, Math.min(count, from + size)));
    }
    return ranges;
  }
}
