package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewlinesTest {
  private static int naive(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void findsTheFirstNewlineAsAByteByByteScanDoes() {
    Random random = new Random(7);
    // Bytes near '\n' (0x09, 0x0B, 0x8A, ...) and runs without any are where a word-at-a-time test could go wrong.
    byte[] alphabet = {'\n', 0x09, 0x0B, (byte) 0x8A, (byte) 0xFF, 0x00, 'a', (byte) 0xE2, 0x01, 0x7F};
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] bytes = new byte[random.nextInt(40)];
      int kinds = 1 + random.nextInt(alphabet.length);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = alphabet[random.nextInt(kinds)];
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      assertEquals(naive(bytes, from, to), Newlines.indexOf(bytes, from, to), "trial " + trial);
    }
  }
}
