package io.sluice.models.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Labelled JSONL for evaluation: one {"text": "...", "labels": ["toxicity", ...]} per line (empty labels =
 * benign). Lines that are not such objects, or name unknown categories, are counted and skipped, never fatal.
 */
public final class GoldFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldFile() {}

  public record Read(List<LabeledText> examples, int badLines) {}

  public static Read read(Path file) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    int bad = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        LabeledText t = parse(line);
        if (t == null) {
          bad++;
        } else {
          out.add(t);
        }
      }
    }
    return new Read(out, bad);
  }

  static LabeledText parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (!n.path("text").isTextual() || !n.path("labels").isArray()) {
        return null;
      }
      Set<ModerationCategory> labels = EnumSet.noneOf(ModerationCategory.class);
      for (JsonNode l : n.get("labels")) {
        var c = ModerationCategory.byLabel(l.asText());
        if (c.isEmpty()) {
          return null;
        }
        labels.add(c.get());
      }
      return new LabeledText(n.get("text").asText(), labels, "gold", "gold");
    } catch (IOException e) {
      return null;
    }
  }
}
