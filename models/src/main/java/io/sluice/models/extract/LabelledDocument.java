package io.sluice.models.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.models.io.JsonlLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document with the gold values of its fields (strings, as a person would write them down; where they occur
 * in the text is found by {@link ValueLocator}). Read from JSONL, one document a line, in one of two formats:
 * <ul>
 *   <li>{@code jsonl}: {@code {"id": "...", "text": "...", "fields": {"name": "value", ...}}} (id optional);</li>
 *   <li>{@code sroie}: the SROIE receipts' {@code {"key": "...", "words": ["OCR line", ...], "entities": {...}}},
 *       the text being the OCR lines in reading order joined with line breaks.</li>
 * </ul>
 */
public record LabelledDocument(String id, String text, Map<String, String> fields) {
  public enum Format { JSONL, SROIE }

  public LabelledDocument {
    fields = Map.copyOf(fields);
  }

  /** Fails with {@link IllegalArgumentException} naming the file and line of a record that is not JSON or not one. */
  public static List<LabelledDocument> read(Path file, Format format) throws IOException {
    List<LabelledDocument> out = new ArrayList<>();
    try {
      JsonlLines.forEach(file, (n, number) -> {
        try {
          out.add(parse(n, format, number));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage() + hint(format), e);
        }
      });
    } catch (JsonlLines.MalformedLineException e) {
      throw new IllegalArgumentException(e.getMessage() + hint(format), e);
    }
    return out;
  }

  /** What a JSONL record should hold: the likeliest mistake is a SROIE file read without --format sroie. */
  private static String hint(Format format) {
    return format == Format.JSONL
        ? " (expected {\"text\": ..., \"fields\": {...}}; SROIE files need --format sroie)" : "";
  }

  private static LabelledDocument parse(JsonNode n, Format format, int line) {
    String text;
    JsonNode gold;
    String id;
    if (format == Format.SROIE) {
      if (!n.path("words").isArray()) {
        throw new IllegalArgumentException("no \"words\" array");
      }
      List<String> lines = new ArrayList<>();
      n.path("words").forEach(w -> lines.add(w.asText()));
      text = String.join("\n", lines);
      gold = n.path("entities");
      id = n.path("key").asText("line-" + line);
    } else {
      if (!n.path("text").isTextual()) {
        throw new IllegalArgumentException("no \"text\" string");
      }
      text = n.path("text").asText();
      gold = n.path("fields");
      id = n.path("id").asText("line-" + line);
    }
    if (!gold.isObject()) {
      throw new IllegalArgumentException("no gold field object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    gold.fields().forEachRemaining(e -> {
      if (!e.getValue().isNull()) {
        fields.put(e.getKey(), e.getValue().asText());
      }
    });
    return new LabelledDocument(id, text, fields);
  }
}
