package io.sluice.pipelines.io;

import java.io.Serializable;

/**
 * Whole lines of one file: bytes {@code [start, end)}, the first of them line {@code firstLine}. Large
 * JSONL files are cut into such ranges so several workers read one file, and each still knows its line
 * numbers for ids and dead-letter sources.
 */
record LineRange(long start, long end, long firstLine) implements Serializable {
  static LineRange wholeFile() {
    return new LineRange(0, Long.MAX_VALUE, 1);
  }
}
