package io.sluice.models.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.io.JsonlLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads gold annotations (offsets in code points, end exclusive) from:
 * <ul>
 *   <li>Presidio-research JSON: an array of {@code {"full_text", "spans": [{"entity_type", "start_position",
 *       "end_position"}]}} (ids are the array positions);</li>
 *   <li>our JSONL: one {@code {"id", "text", "entities": [{"type", "start", "end"}]}} per line (Presidio's
 *       field names are accepted too);</li>
 *   <li>the sample corpus: {@code manifest.json} with its {@code corpus.jsonl}.</li>
 * </ul>
 * A malformed record is an error naming its line or position, never a silent skip.
 */
public final class GoldReaders {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldReaders() {}

  /** Presidio-research JSON for a .json file holding an array, our JSONL otherwise. */
  public static List<GoldDocument> read(Path file) throws IOException {
    if (file.getFileName().toString().endsWith(".json")) {
      return readPresidioJson(file);
    }
    return readJsonl(file);
  }

  public static List<GoldDocument> readPresidioJson(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (!root.isArray()) {
      throw new IOException("Presidio-research gold must be a JSON array of samples");
    }
    List<GoldDocument> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      out.add(document(root.get(i), String.valueOf(i), "sample " + i));
    }
    return out;
  }

  public static List<GoldDocument> readJsonl(Path file) throws IOException {
    List<GoldDocument> out = new ArrayList<>();
    JsonlLines.forEach(file,
        (n, number) -> out.add(document(n, n.path("id").asText(String.valueOf(number)), "line " + number)));
    return out;
  }

  /** The sample corpus's manifest (entities by document id) joined with its corpus.jsonl texts. */
  public static List<GoldDocument> readManifest(Path manifest, Path corpusJsonl) throws IOException {
    JsonNode docs = JSON.readTree(manifest.toFile()).path("documents");
    Map<String, String> texts = new HashMap<>();
    JsonlLines.forEach(corpusJsonl, (n, number) -> texts.put(n.path("id").asText(), n.path("text").asText()));
    List<GoldDocument> out = new ArrayList<>();
    for (var it = docs.fields(); it.hasNext(); ) {
      var e = it.next();
      String text = texts.get(e.getKey());
      if (text == null) {
        throw new IOException("manifest document " + e.getKey() + " is not in the corpus");
      }
      List<EntitySpan> spans = new ArrayList<>();
      for (JsonNode s : e.getValue().path("entities")) {
        spans.add(new EntitySpan(s.path("type").asText(), s.path("start").asInt(), s.path("end").asInt()));
      }
      out.add(new GoldDocument(e.getKey(), text, spans));
    }
    return out;
  }

  private static GoldDocument document(JsonNode n, String id, String where) throws IOException {
    JsonNode text = n.has("full_text") ? n.get("full_text") : n.get("text");
    if (text == null || !text.isTextual()) {
      throw new IOException("gold " + where + " has no text (full_text or text)");
    }
    JsonNode spans = n.has("spans") ? n.get("spans") : n.path("entities");
    List<EntitySpan> out = new ArrayList<>();
    for (JsonNode s : spans) {
      String type = s.has("entity_type") ? s.get("entity_type").asText() : s.path("type").asText();
      JsonNode start = s.has("start_position") ? s.get("start_position") : s.get("start");
      JsonNode end = s.has("end_position") ? s.get("end_position") : s.get("end");
      if (type.isEmpty() || start == null || end == null || !start.canConvertToInt() || !end.canConvertToInt()) {
        throw new IOException("gold " + where + " has a span without type, start or end");
      }
      try {
        out.add(new EntitySpan(type, start.asInt(), end.asInt()));
      } catch (IllegalArgumentException e) {
        throw new IOException("gold " + where + ": " + e.getMessage(), e);
      }
    }
    try {
      return new GoldDocument(id, text.asText(), out);
    } catch (IllegalArgumentException e) {
      throw new IOException("gold " + where + ": " + e.getMessage(), e);
    }
  }
}
