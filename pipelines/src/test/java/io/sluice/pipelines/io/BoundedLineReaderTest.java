package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines as splitting the bytes at every {@code \n} gives them, wherever the newlines fall. */
class BoundedLineReaderTest {

  @Test
  void linesOfEveryLengthAndPlaceAreSplitAtEachNewline() throws IOException {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<byte[]> lines = new ArrayList<>();
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      int count = 1 + random.nextInt(round % 20 == 0 ? 40 : 8);
      for (int i = 0; i < count; i++) {
        // Lengths around the 8-byte words, and a few spanning the reader's 64 KiB chunks.
        byte[] line = new byte[random.nextInt(10) == 0 ? random.nextInt(150_000) : random.nextInt(40)];
        for (int b = 0; b < line.length; b++) {
          line[b] = (byte) (random.nextInt(3) == 0 ? 0x80 | random.nextInt(128) : 'a' + random.nextInt(26));
        }
        lines.add(line);
        input.writeBytes(line);
        // The last line may end without a newline (an empty one would then be no line at all).
        if (i < count - 1 || line.length == 0 || random.nextBoolean()) {
          input.write('\n');
        }
      }
      BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(input.toByteArray()), 1 << 20);
      for (int i = 0; i < count; i++) {
        BoundedLineReader.Line line = reader.next();
        assertEquals(i + 1, line.number());
        assertArrayEquals(lines.get(i), Arrays.copyOf(line.bytes(), line.length()), "round " + round + " line " + i);
        assertFalse(line.tooLarge());
        assertTrue(line.controlFree()); // random bytes are letters or at least 0x80
      }
      assertNull(reader.next());
    }
  }

  @Test
  void crlfBomAndEmptyLines() throws IOException {
    byte[] input = "\uFEFFfirst\r\n\n\r\nlast".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(input), 100);
    assertEquals("first", text(reader.next()));
    assertEquals("", text(reader.next()));
    assertEquals("", text(reader.next()));
    assertEquals("last", text(reader.next()));
    assertNull(reader.next());
  }

  @Test
  void controlBytesOtherThanTheLineEndAreReported() throws IOException {
    byte[] input = "crlf only\r\ntab\there\ncr\rinside\n0123456789abcdef\u0001\n\u001f\nend"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(input), 100);
    assertTrue(reader.next().controlFree());
    assertFalse(reader.next().controlFree());
    assertFalse(reader.next().controlFree());
    assertFalse(reader.next().controlFree());
    assertFalse(reader.next().controlFree());
    assertTrue(reader.next().controlFree());
  }

  @Test
  void aLineOverTheLimitKeepsItsHeadAndItsSize() throws IOException {
    byte[] big = new byte[40_000];
    Arrays.fill(big, (byte) 'x');
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes(big);
    input.writeBytes("\nnext\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(input.toByteArray()), 1_000);
    BoundedLineReader.Line line = reader.next();
    assertTrue(line.tooLarge());
    assertEquals(40_000, line.size());
    assertEquals(16 * 1024, line.length());
    assertEquals("next", text(reader.next()));
  }

  private static String text(BoundedLineReader.Line line) {
    return new String(line.bytes(), 0, line.length(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
