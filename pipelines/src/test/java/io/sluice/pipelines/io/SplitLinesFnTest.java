package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SplitLinesFnTest {
  /** 1,000 lines of 10 bytes ("line 0000\n"): 10,000 bytes. */
  private static byte[] lines() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append(String.format(Locale.ROOT, "line %04d\n", i));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rangesAreOfOneSizeWithoutAShortRemainder() throws IOException {
    byte[] file = lines();
    // 4,000-byte ranges would leave 4,000 + 4,000 + 2,000; three equal shares are 3,340 bytes (whole lines) each.
    List<LineRange> ranges = SplitLinesFn.split(new ByteArrayInputStream(file), file.length, 4000);
    assertEquals(List.of(new LineRange(0, 3340, 1), new LineRange(3340, 6680, 335), new LineRange(6680, 10000, 669)),
        ranges);
  }

  @Test
  void rangesCoverTheFileInWholeLinesAndKeepLineNumbers() throws IOException {
    byte[] file = lines();
    for (long rangeBytes : new long[] {7, 999, 1001, 3333, 9999, 10000, 50000}) {
      List<LineRange> ranges = SplitLinesFn.split(new ByteArrayInputStream(file), file.length, rangeBytes);
      long expectedStart = 0;
      for (LineRange range : ranges) {
        assertEquals(expectedStart, range.start(), "contiguous at " + rangeBytes);
        assertEquals('\n', file[(int) range.end() - 1], "ends after a newline");
        assertEquals(range.start() / 10 + 1, range.firstLine(), "first line number");
        assertTrue(range.end() - range.start() <= Math.max(rangeBytes, 10) + 10, "at most about rangeBytes");
        expectedStart = range.end();
      }
      assertEquals(file.length, expectedStart, "the whole file at " + rangeBytes);
      assertEquals(Math.min(1000, Math.max(1, (file.length + rangeBytes - 1) / rangeBytes)), ranges.size(),
          "fewest ranges at " + rangeBytes);
    }
  }
}
