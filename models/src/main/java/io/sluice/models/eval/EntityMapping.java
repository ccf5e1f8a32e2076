package io.sluice.models.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames entity types before scoring, so a gold set with other names (PER, LOC, GPE) can be compared with ours:
 * {@code "PER=PERSON,GPE=LOCATION"}. Unmapped names pass through unchanged.
 */
public final class EntityMapping {
  private final Map<String, String> names;

  private EntityMapping(Map<String, String> names) {
    this.names = Map.copyOf(names);
  }

  public static EntityMapping identity() {
    return new EntityMapping(Map.of());
  }

  /** Parses {@code FROM=TO} pairs separated by commas; blank means identity. */
  public static EntityMapping parse(String spec) {
    Map<String, String> names = new LinkedHashMap<>();
    if (spec != null && !spec.isBlank()) {
      for (String pair : spec.split(",")) {
        String[] kv = pair.split("=", -1);
        if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
          throw new IllegalArgumentException("entity mapping entry '" + pair.trim() + "' is not FROM=TO");
        }
        names.put(kv[0].trim(), kv[1].trim());
      }
    }
    return new EntityMapping(names);
  }

  public String map(String type) {
    return names.getOrDefault(type, type);
  }

  public List<EntitySpan> apply(List<EntitySpan> spans) {
    List<EntitySpan> out = new ArrayList<>(spans.size());
    spans.forEach(s -> out.add(s.withType(map(s.type()))));
    return out;
  }

  public GoldDocument apply(GoldDocument doc) {
    return new GoldDocument(doc.id(), doc.text(), apply(doc.spans()));
  }
}
