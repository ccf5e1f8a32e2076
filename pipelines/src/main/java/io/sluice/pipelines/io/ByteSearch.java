package io.sluice.pipelines.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks at bytes eight at a time (SWAR): cutting a file into line ranges and reading JSONL lines look at every byte of
 * the input, and the JDK has no vectorized search over a byte array.
 */
final class ByteSearch {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private ByteSearch() {}

  /** The index of the first {@code target} byte in {@code bytes[from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to, byte target) {
    long targets = LOW_BITS * (target & 0xFF);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ targets;
      // The targets are now zero bytes; the lowest flagged byte is exactly the first of them (higher flags may be
      // false, from borrows), and little-endian order makes the lowest byte the first in the array.
      long zeros = (word - LOW_BITS) & ~word & HIGH_BITS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }

  /** Whether every byte of {@code bytes[from, to)} is ASCII (below 0x80). */
  static boolean isAscii(byte[] bytes, int from, int to) {
    int i = from;
    long high = 0;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      high |= (long) LONGS.get(bytes, i);
    }
    for (; i < to; i++) {
      high |= bytes[i];
    }
    return (high & HIGH_BITS) == 0;
  }
}
