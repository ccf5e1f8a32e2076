package io.sluice.models.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bare moderation model loop, for benchmarks: scores the "text" of every JSONL line in batches and prints
 * documents/s and tokens/s (real tokens, windows included). The pipeline's own throughput ({@code sluice
 * moderate}) is compared against this in BENCHMARKS.md.
 * {@code BenchModeration --input FILE.jsonl [--batch 64] [--limit N]}
 */
public final class BenchModeration {
  private BenchModeration() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = CommandLine.parse(args);
    int batch = Integer.parseInt(cli.optional("--batch", "64"));
    int limit = Integer.parseInt(cli.optional("--limit", String.valueOf(Integer.MAX_VALUE)));
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(cli.required("--input")), StandardCharsets.UTF_8)) {
      JsonNode n = line.isBlank() ? null : json.readTree(line);
      if (n != null && n.path("text").isTextual() && texts.size() < limit) {
        texts.add(n.get("text").asText());
      }
    }
    long chars = texts.stream().mapToLong(String::length).sum();
    try (ModerationScorer scorer = ModerationModels.load(ModerationModelSpec.embedded(), 0)) {
      scorer.score(texts.subList(0, Math.min(8, texts.size()))); // warm-up: first-call native init
      long tokensBefore = scorer.tokensProcessed();
      long start = System.nanoTime();
      for (int i = 0; i < texts.size(); i += batch) {
        scorer.score(texts.subList(i, Math.min(texts.size(), i + batch)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long tokens = scorer.tokensProcessed() - tokensBefore;
      System.out.printf(Locale.ROOT, "bare moderation loop: %d documents, %d chars, %d tokens in %.1f s: "
          + "%.1f documents/s, %.0f tokens/s, %.0f chars/s (batch %d)%n", texts.size(), chars, tokens, seconds,
          texts.size() / seconds, tokens / seconds, chars / seconds, batch);
    }
  }
}
