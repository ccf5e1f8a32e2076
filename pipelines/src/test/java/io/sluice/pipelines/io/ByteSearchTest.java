package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans against byte-by-byte ones, on random bytes near the values they look for. */
class ByteSearchTest {
  // Bytes near '\n' and '"' (0x09, 0x0B, 0x21, 0x23, 0x8A, 0xA2, ...) and runs without any are where a
  // word-at-a-time test could go wrong.
  private static final byte[] ALPHABET = {'\n', '"', 0x09, 0x0B, 0x21, 0x23, (byte) 0x8A, (byte) 0xA2, (byte) 0xFF, 0x00,
      'a', (byte) 0xE2, 0x01, 0x7F, (byte) 0x80};

  private static int naiveIndexOf(byte[] bytes, int from, int to, byte target) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }

  private static boolean naiveIsAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void findsTheFirstTargetAndTellsAsciiAsAByteByByteScanDoes() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] bytes = new byte[random.nextInt(40)];
      int kinds = 1 + random.nextInt(ALPHABET.length);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = ALPHABET[random.nextInt(kinds)];
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      for (byte target : new byte[] {'\n', '"', '\\', (byte) 0xE2}) {
        assertEquals(naiveIndexOf(bytes, from, to, target), ByteSearch.indexOf(bytes, from, to, target),
            "trial " + trial + ", target " + target);
      }
      assertEquals(naiveIsAscii(bytes, from, to), ByteSearch.isAscii(bytes, from, to), "trial " + trial);
    }
  }
}
