package io.sluice.pipelines.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds {@code \n} bytes eight at a time: cutting a file into line ranges looks at every byte of it. */
final class Newlines {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Newlines() {}

  /** The index of the first {@code \n} in {@code bytes[from, to)}, or -1. */
  static int indexOf(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
      // SWAR: the newlines are now zero bytes; the lowest flagged byte is exactly the first of them (higher flags may
      // be false, from borrows), and little-endian order makes the lowest byte the first in the array.
      long zeros = (word - LOW_BITS) & ~word & HIGH_BITS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
