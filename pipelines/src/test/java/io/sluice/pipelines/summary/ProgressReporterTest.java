package io.sluice.pipelines.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void theLineShowsDocumentsRateAndElapsedTime() {
    assertEquals("progress: 12,000 documents written, 2,000 docs/s, elapsed 6s",
        ProgressReporter.line(12_000, TimeUnit.SECONDS.toNanos(6)));
    assertEquals("1m05s", ProgressReporter.formatElapsed(TimeUnit.SECONDS.toNanos(65)));
    assertEquals("2h00m01s", ProgressReporter.formatElapsed(TimeUnit.SECONDS.toNanos(7201)));
  }

  @Test
  void itPrintsWhatTheTrackerCountsUntilClosed() throws InterruptedException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ProgressReporter reporter =
        ProgressReporter.start(Duration.ofMillis(50), new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
      ProgressTracker.documentDone();
      ProgressTracker.documentDone();
      Thread.sleep(300);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("progress: 2 documents written"), printed);
    int lines = printed.split("\n").length;
    Thread.sleep(200);
    assertEquals(lines, buffer.toString(StandardCharsets.UTF_8).split("\n").length, "silent after close");
  }
}
