package io.sluice.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n} (dropping a trailing {@code \r} and a leading UTF-8 BOM)
 * without decoding, so each line can be decoded strictly on its own. A line longer than the limit is
 * not buffered: only its head is kept (for the dead letter) while the rest is counted and skipped.
 */
final class BoundedLineReader {

  /**
   * One line: its bytes, or only the first bytes when it was longer than the limit.
   *
   * @param controlFree whether the line holds no byte below 0x20 (tab, carriage return, ...; a carriage return
   *     dropped before the newline does not count): in such a line JSON can only be spaced by spaces, and its strings
   *     hold no raw control characters, which {@link JsonlLineParser} takes for granted on its fast path
   */
  record Line(long number, byte[] bytes, int length, long size, boolean tooLarge, boolean controlFree) {}

  private static final int CHUNK = 1 << 16;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long SPACES = 0x2020202020202020L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final int HEAD_BYTES = 16 * 1024;
  private static final byte[] EMPTY = new byte[0];

  private final InputStream in;
  private final long maxLineBytes;
  private long bytesLeft;
  private final byte[] chunk = new byte[CHUNK];
  private int chunkPos;
  private int chunkEnd;
  private long lineNumber;
  private boolean atStart;
  /** Bytes below 0x20 other than the newline seen so far in the current line. */
  private long controlBytes;

  /**
   * @param bytesToRead stop after this many bytes (the end of a {@link LineRange}), or Long.MAX_VALUE
   * @param firstLineNumber the number of the first line read, counted from 1 in the file
   */
  BoundedLineReader(InputStream in, long maxLineBytes, long bytesToRead, long firstLineNumber) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.bytesLeft = bytesToRead;
    this.lineNumber = firstLineNumber - 1;
    this.atStart = firstLineNumber == 1;
  }

  BoundedLineReader(InputStream in, long maxLineBytes) {
    this(in, maxLineBytes, Long.MAX_VALUE, 1);
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    byte[] buf = EMPTY;
    int len = 0;
    long size = 0;
    boolean sawAny = false;
    controlBytes = 0;
    while (true) {
      if (chunkPos == chunkEnd && !fill()) {
        if (!sawAny) {
          return null;
        }
        break;
      }
      sawAny = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? chunkEnd : newline;
      int take = end - chunkPos;
      size += take;
      int keep = size > maxLineBytes ? Math.max(0, Math.min(take, HEAD_BYTES - len)) : take;
      if (keep > 0) {
        if (len + keep > buf.length) {
          // Exact for a line found whole in the chunk (the common case); doubling for one spread over chunks.
          buf = Arrays.copyOf(buf, newline >= 0 && len == 0 ? keep : Math.max(buf.length * 2, len + keep));
        }
        System.arraycopy(chunk, chunkPos, buf, len, keep);
        len += keep;
      }
      chunkPos = newline < 0 ? chunkEnd : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    lineNumber++;
    if (len > 0 && buf[len - 1] == '\r' && size <= maxLineBytes) {
      len--;
      size--;
      controlBytes--;
    }
    boolean tooLarge = size > maxLineBytes;
    return new Line(lineNumber, buf, len, size, tooLarge, controlBytes == 0);
  }

  /**
   * The next {@code \n} in the chunk, counting the other control bytes before it; looked for eight bytes at a time:
   * a line is a whole document, so this loop runs over every byte of the input.
   */
  private int indexOfNewline() {
    int i = chunkPos;
    for (; i + Long.BYTES <= chunkEnd; i += Long.BYTES) {
      long word = (long) LONGS.get(chunk, i);
      // SWAR: flags the lowest byte below 0x20 exactly (higher flags may be false); then the word is read bytewise.
      if (((word - SPACES) & ~word & HIGH_BITS) != 0) {
        int newline = indexOfNewline(i, i + Long.BYTES);
        if (newline >= 0) {
          return newline;
        }
      }
    }
    return indexOfNewline(i, chunkEnd);
  }

  private int indexOfNewline(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = chunk[i];
      if (b == '\n') {
        return i;
      }
      if (b >= 0 && b < 0x20) {
        controlBytes++;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    if (bytesLeft <= 0) {
      return false;
    }
    int n = in.read(chunk, 0, (int) Math.min(CHUNK, bytesLeft));
    if (n <= 0) {
      return false;
    }
    bytesLeft -= n;
    chunkPos = 0;
    chunkEnd = n;
    if (atStart) {
      atStart = false;
      if (n >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
        chunkPos = 3;
      }
    }
    return true;
  }
}
