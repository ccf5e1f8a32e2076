package io.sluice.pipelines.synth;

import java.io.Serializable;

/**
 * Which output part a record index goes to. Generated records have indices [0, count): part k holds
 * [k * perFile, (k + 1) * perFile). De-identified copies have hash indices spread over [0, 2^63): the range is cut
 * into {@code parts} equal slices. Either way a part is a function of the index alone, and records sort by index
 * within it.
 */
record PartLayout(long perFile, long parts) implements Serializable {
  /** Parts for indices [0, count), {@code perFile} records each. */
  static PartLayout ofCount(long count, long perFile) {
    return new PartLayout(perFile, Math.max(1, (count + perFile - 1) / perFile));
  }

  /** {@code parts} equal slices of the non-negative longs. */
  static PartLayout ofHashes(long parts) {
    return new PartLayout(Long.MAX_VALUE / parts + 1, parts);
  }

  long part(long index) {
    return index / perFile;
  }
}
