package io.sluice.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One block of a synthesis spec as YAML binds it ({@code Map<String, Object>}), with typed getters whose
 * errors name the key ({@code gate.near_duplicates.threshold}) and say what is expected. A block may be
 * switched off by writing {@code false} instead of a map, or {@code enabled: false} inside it; keys nobody
 * read are reported by {@link #rejectUnknownKeys()}, so a typo fails fast instead of being ignored.
 */
public final class SpecSection {
  private static final String ENABLED = "enabled";

  private final String path;
  private final Map<String, Object> values;
  private final boolean enabled;
  private final Set<String> read = new TreeSet<>();

  private SpecSection(String path, Map<String, Object> values, boolean enabled) {
    this.path = path;
    this.values = values;
    this.enabled = enabled;
  }

  /**
   * The block at {@code path}: a map; {@code true}, nothing or an empty value (the defaults); or {@code false}
   * (switched off).
   */
  public static SpecSection of(String path, Object node) {
    if (node == null || node.equals("") || Boolean.TRUE.equals(node)) {
      return new SpecSection(path, Map.of(), true);
    }
    if (Boolean.FALSE.equals(node)) {
      return new SpecSection(path, Map.of(), false);
    }
    if (!(node instanceof Map<?, ?> map)) {
      throw new SpecException(path + " must be a map of settings, true or false, not '" + node + "'");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v));
    SpecSection section = new SpecSection(path, values, true);
    return section.bool(ENABLED, true) ? section : new SpecSection(path, values, false);
  }

  /** False when the block was written as {@code false} or with {@code enabled: false}. */
  public boolean enabled() {
    return enabled;
  }

  public String path(String key) {
    return path + "." + key;
  }

  public boolean has(String key) {
    read.add(key);
    return values.get(key) != null;
  }

  /** The nested block under {@code key}, parsed like {@link #of}. */
  public SpecSection section(String key) {
    read.add(key);
    return of(path(key), values.get(key));
  }

  public String string(String key, String fallback) {
    if (!has(key)) {
      return fallback;
    }
    Object value = values.get(key);
    if (value instanceof Map || value instanceof List) {
      throw new SpecException(path(key) + " must be a text value, not a " + (value instanceof Map ? "map" : "list"));
    }
    return String.valueOf(value);
  }

  /** A file named relative to the spec's directory (absolute paths stay as they are). */
  public Path file(String key, Path specDir) {
    String name = string(key, null);
    if (name == null || name.isBlank()) {
      throw new SpecException(path(key) + " is required: give a file path (relative to the spec file)");
    }
    Path file = Path.of(name);
    return file.isAbsolute() || specDir == null ? file : specDir.resolve(file);
  }

  public double number(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    Object value = values.get(key);
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      throw new SpecException(path(key) + " must be a number, not '" + value + "'");
    }
    return number.doubleValue();
  }

  /** A number in [min, max]. */
  public double number(String key, double fallback, double min, double max) {
    double value = number(key, fallback);
    if (value < min || value > max) {
      throw new SpecException(path(key) + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min}. */
  public int integer(String key, int fallback, int min) {
    if (!has(key)) {
      return fallback;
    }
    Object value = values.get(key);
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > Integer.MAX_VALUE) {
      throw new SpecException(path(key) + " must be a whole number of at least " + min + ", not '" + value + "'");
    }
    return ((Number) value).intValue();
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    Object value = values.get(key);
    if (!(value instanceof Boolean b)) {
      throw new SpecException(path(key) + " must be true or false, not '" + value + "'");
    }
    return b;
  }

  /** A list of texts; a single text is a list of one; absent gives an empty list. */
  public List<String> strings(String key) {
    if (!has(key)) {
      return List.of();
    }
    Object value = values.get(key);
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item == null || item instanceof Map || item instanceof List) {
          throw new SpecException(path(key) + " must be a list of texts; found '" + item + "'");
        }
        out.add(String.valueOf(item));
      }
    } else if (value instanceof Map) {
      throw new SpecException(path(key) + " must be a text or a list of texts, not a map");
    } else {
      out.add(String.valueOf(value));
    }
    return out;
  }

  /** Fails when the block has keys no getter asked for (a typo, or a setting that does not exist). */
  public void rejectUnknownKeys() {
    read.add(ENABLED);
    List<String> unknown = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new SpecException(path + " has unknown keys " + unknown + "; known keys here: " + read);
    }
  }
}
