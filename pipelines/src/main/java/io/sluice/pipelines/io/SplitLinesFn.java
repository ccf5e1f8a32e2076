package io.sluice.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Cuts a file into {@link LineRange}s of at most about {@code rangeBytes}, all of about one size, each ending just
 * after a newline, by one sequential scan that counts newlines (far cheaper than parsing). Compressed files cannot be
 * entered midway and stay whole; a file that cannot be scanned stays whole so its reader reports it.
 */
final class SplitLinesFn extends DoFn<ReadableFile, KV<ReadableFile, LineRange>> {
  private static final byte NEWLINE = '\n';
  private final long rangeBytes;

  SplitLinesFn(long rangeBytes) {
    this.rangeBytes = rangeBytes;
  }

  @ProcessElement
  public void process(@Element ReadableFile file, OutputReceiver<KV<ReadableFile, LineRange>> out) {
    if (file.getCompression() != Compression.UNCOMPRESSED || file.getMetadata().sizeBytes() <= rangeBytes) {
      out.output(KV.of(file, LineRange.wholeFile()));
      return;
    }
    // Ranges are emitted only once the whole file was scanned: a half-split file would be read twice.
    List<LineRange> ranges;
    try (InputStream in = Channels.newInputStream(file.open())) {
      ranges = split(in, file.getMetadata().sizeBytes(), rangeBytes);
    } catch (IOException e) {
      ranges = List.of(LineRange.wholeFile());
    }
    ranges.forEach(range -> out.output(KV.of(file, range)));
  }

  /**
   * Cuts {@code size} bytes of lines into the fewest ranges of at most about {@code rangeBytes}, all of about the
   * same size: a short remainder range next to full ones would leave workers unevenly loaded, since a runner deals
   * ranges out by count (Spark's reshuffle gives them round robin, so one worker could get every full range of a
   * file and another its remainders).
   */
  static List<LineRange> split(InputStream in, long size, long rangeBytes) throws IOException {
    long count = Math.max(1, (size + rangeBytes - 1) / rangeBytes);
    long share = (size + count - 1) / count;
    List<LineRange> ranges = new ArrayList<>();
    byte[] buffer = new byte[1 << 20];
    long offset = 0;
    long line = 1;
    long rangeStart = 0;
    long rangeFirstLine = 1;
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      for (int i = ByteSearch.indexOf(buffer, 0, n, NEWLINE); i >= 0; i = ByteSearch.indexOf(buffer, i + 1, n, NEWLINE)) {
        line++;
        long next = offset + i + 1;
        if (next - rangeStart >= share) {
          ranges.add(new LineRange(rangeStart, next, rangeFirstLine));
          rangeStart = next;
          rangeFirstLine = line;
        }
      }
      offset += n;
    }
    if (offset > rangeStart) {
      ranges.add(new LineRange(rangeStart, offset, rangeFirstLine));
    }
    return ranges;
  }
}
