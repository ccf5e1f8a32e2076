package io.sluice.pipelines.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Generates the synthetic benchmark corpus behind {@code scripts/bench sweep}: JSONL shards
 * {@code part-00000.jsonl, ...} of {@code {"id": "bench-00000001", "text": "..."}}, about 2 KB per document.
 * Deterministic: one seed gives the same documents (ids and texts) whatever the shard count.
 */
public final class CorpusGenerator {
  static final String USAGE =
      "usage: CorpusGenerator --out DIR [--documents N (default 50000)] [--shards N (default 8)] [--seed N (default 42)]";

  private static final JsonFactory JSON = new JsonFactory();

  private CorpusGenerator() {}

  /**
   * Writes {@code documents} documents into {@code shards} files in {@code dir} (created if missing), shards
   * generated in parallel. Documents are split into contiguous, near-equal ranges, so shard sizes differ by at
   * most one document.
   */
  public static void writeJsonl(Path dir, int documents, int shards, long seed) throws IOException {
    if (documents < 0) {
      throw new IllegalArgumentException("documents must be >= 0, got " + documents);
    }
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, got " + shards);
    }
    Files.createDirectories(dir);
    try {
      IntStream.range(0, shards).parallel().forEach(shard -> {
        long from = (long) documents * shard / shards;
        long to = (long) documents * (shard + 1) / shards;
        try {
          writeShard(dir.resolve(shardName(shard)), from, to, seed);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String shardName(int shard) {
    return String.format(Locale.ROOT, "part-%05d.jsonl", shard);
  }

  static String documentId(long index) {
    return String.format(Locale.ROOT, "bench-%08d", index + 1);
  }

  private static void writeShard(Path file, long from, long to, long seed) throws IOException {
    BenchDocumentFactory factory = new BenchDocumentFactory(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = from; i < to; i++) {
        // One generator per line: closing it must not close the shard writer.
        try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
          json.writeStartObject();
          json.writeStringField("id", documentId(i));
          json.writeStringField("text", factory.text(i));
          json.writeEndObject();
        }
        out.write('\n');
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println("Generates the synthetic benchmark corpus (JSONL shards).");
      System.out.println(USAGE);
      System.exit(args.length == 0 ? 2 : 0);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    writeJsonl(options.out, options.documents, options.shards, options.seed);
    double seconds = (System.nanoTime() - started) / 1e9;
    long bytes = 0;
    for (int shard = 0; shard < options.shards; shard++) {
      bytes += Files.size(options.out.resolve(shardName(shard)));
    }
    System.out.printf(Locale.ROOT, "wrote %d documents in %d shards to %s: %.1f MB in %.1f s%n", options.documents,
        options.shards, options.out, bytes / 1e6, seconds);
  }

  /** Command-line options; {@code --out} is required, the rest have benchmark defaults. */
  static final class Options {
    Path out;
    int documents = 50_000;
    int shards = 8;
    long seed = 42;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + flag);
        }
        String value = args[++i];
        try {
          switch (flag) {
            case "--out" -> o.out = Paths.get(value);
            case "--documents" -> o.documents = Integer.parseInt(value);
            case "--shards" -> o.shards = Integer.parseInt(value);
            case "--seed" -> o.seed = Long.parseLong(value);
            default -> throw new IllegalArgumentException("unknown option " + flag);
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
      }
      if (o.out == null) {
        throw new IllegalArgumentException("--out is required");
      }
      if (o.documents < 0 || o.shards < 1) {
        throw new IllegalArgumentException("--documents must be >= 0 and --shards >= 1");
      }
      return o;
    }
  }
}
