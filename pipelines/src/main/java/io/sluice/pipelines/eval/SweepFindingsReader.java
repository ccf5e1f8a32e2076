package io.sluice.pipelines.eval;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.io.JsonlLines;
import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the findings of an earlier sweep run with {@code --format jsonl} ({@code findings/*.jsonl}: doc_id,
 * entity_type, start, end in code points), grouped by document id.
 */
final class SweepFindingsReader {
  private SweepFindingsReader() {}

  static Map<String, List<EntitySpan>> read(Path sweepOutput) throws IOException {
    Path dir = sweepOutput.resolve("findings");
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("no findings/ folder under " + sweepOutput + ": point --findings at a sweep's --output");
    }
    List<Path> parts;
    try (Stream<Path> s = Files.list(dir)) {
      parts = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    if (parts.isEmpty()) {
      throw new ConfigException("findings/ under " + sweepOutput + " has no .jsonl parts; run the sweep with"
          + " --format jsonl, or let eval run the analyzer itself (omit --findings)");
    }
    Map<String, List<EntitySpan>> out = new HashMap<>();
    for (Path part : parts) {
      JsonlLines.forEach(part, (n, number) -> {
        if (!n.hasNonNull("doc_id") || !n.hasNonNull("entity_type") || !n.has("start") || !n.has("end")) {
          throw new IOException(part.getFileName() + " line " + number + " is not a finding");
        }
        out.computeIfAbsent(n.get("doc_id").asText(), k -> new ArrayList<>())
            .add(new EntitySpan(n.get("entity_type").asText(), n.get("start").asInt(), n.get("end").asInt()));
      });
    }
    return out;
  }
}
