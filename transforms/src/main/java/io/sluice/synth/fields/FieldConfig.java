package io.sluice.synth.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.synth.SpecException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One field's YAML block with typed getters whose errors name the key ({@code fields.amount.min}) and say what
 * is expected. Keys nobody asked for are reported by {@link #rejectUnknownKeys}, so a typo fails fast.
 */
public final class FieldConfig {
  private final String prefix;
  private final String field;
  private final JsonNode node;
  private final Set<String> read = new TreeSet<>();

  /** The block of field {@code field} under {@code fields:}. */
  public FieldConfig(String field, JsonNode node) {
    this("fields." + field, field, node);
  }

  /** A block at YAML path {@code prefix} (e.g. {@code slm}). */
  public FieldConfig(String prefix, String field, JsonNode node) {
    if (!node.isObject()) {
      throw new SpecException(prefix + " must be a map of keys (generator: ..., ...)");
    }
    this.prefix = prefix;
    this.field = field;
    this.node = node;
  }

  public String field() {
    return field;
  }

  public String path(String key) {
    return prefix + "." + key;
  }

  public boolean has(String key) {
    read.add(key);
    return node.hasNonNull(key);
  }

  public JsonNode node(String key) {
    read.add(key);
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new SpecException(path(key) + " is required");
    }
    return value;
  }

  public String string(String key) {
    JsonNode value = node(key);
    if (!value.isValueNode()) {
      throw new SpecException(path(key) + " must be a text value, not " + value.getNodeType());
    }
    return value.asText();
  }

  public String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  public double number(String key) {
    JsonNode value = node(key);
    if (!value.isNumber()) {
      throw new SpecException(path(key) + " must be a number, not '" + value.asText() + "'");
    }
    double d = value.asDouble();
    if (!Double.isFinite(d)) {
      throw new SpecException(path(key) + " must be finite");
    }
    return d;
  }

  public double number(String key, double fallback) {
    return has(key) ? number(key) : fallback;
  }

  public long integer(String key, long fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node(key);
    if (!value.canConvertToExactIntegral()) {
      throw new SpecException(path(key) + " must be a whole number, not '" + value.asText() + "'");
    }
    return value.asLong();
  }

  /**
   * Values with weights: a list (equal weights) or a map of value to weight. Weights must be finite, non-negative,
   * and not all zero.
   */
  public WeightedValues weighted(String key) {
    return WeightedValues.parse(node(key), path(key));
  }

  /** A list of strings; a single string is a list of one. */
  public List<String> strings(String key) {
    JsonNode value = node(key);
    List<String> out = new ArrayList<>();
    if (value.isValueNode()) {
      out.add(value.asText());
    } else if (value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
    } else {
      throw new SpecException(path(key) + " must be a text or a list of texts");
    }
    return out;
  }

  /** A map of text to sub-node, in file order. */
  public Map<String, JsonNode> map(String key) {
    JsonNode value = node(key);
    if (!value.isObject() || value.isEmpty()) {
      throw new SpecException(path(key) + " must be a non-empty map");
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Fails when the block has keys no generator read. */
  public void rejectUnknownKeys() {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!read.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new SpecException(prefix + " has unknown keys " + unknown + " ; known here: "
          + read);
    }
  }
}
