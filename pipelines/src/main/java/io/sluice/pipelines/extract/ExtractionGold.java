package io.sluice.pipelines.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.extract.JsonFieldValues;
import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gold documents for {@code sluice eval extract}: JSONL, one {@code {"id": ..., "text": ..., "fields": {...}}} a
 * line; each field's value as written in the document (or the enum symbol), a list for an array field.
 */
public record ExtractionGold(String id, String text, Map<String, List<String>> fields) {

  public static List<ExtractionGold> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--gold " + file + " is not a file");
    }
    ObjectMapper json = new ObjectMapper();
    List<ExtractionGold> gold = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode r = json.readTree(lines.get(i));
        if (!r.path("id").isTextual() || !r.path("text").isTextual() || !r.path("fields").isObject()) {
          throw new IllegalArgumentException("needs a string id, a string text and a fields object");
        }
        gold.add(new ExtractionGold(r.get("id").asText(), r.get("text").asText(), JsonFieldValues.of(r.get("fields"))));
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("--gold " + file + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return gold;
  }
}
