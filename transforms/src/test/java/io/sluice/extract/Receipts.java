package io.sluice.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.extract.JsonFieldValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The receipts we wrote for the tests (conf/extract/receipts.jsonl): id, text, and raw field values as written. */
record Receipts(String id, String text, Map<String, List<String>> fields) {
  static final Path FILE = Path.of("..", "conf", "extract", "receipts.jsonl");

  static List<Receipts> all() {
    ObjectMapper json = new ObjectMapper();
    List<Receipts> receipts = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(FILE)) {
        JsonNode r = json.readTree(line);
        receipts.add(new Receipts(r.get("id").asText(), r.get("text").asText(), JsonFieldValues.of(r.get("fields"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return receipts;
  }
}
