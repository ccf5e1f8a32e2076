package io.sluice.synth.fields;

import io.sluice.synth.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.datafaker.Faker;

/** Builds a field's generator from its YAML block ({@code generator:} plus that generator's keys). */
public final class FieldGenerators {
  /** The generator names a spec may use, with what each needs: shown when a name is unknown. */
  public static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("faker", "expression: '#{Name.fullName}'");
    KNOWN.put("choice", "values: [a, b] or {a: 3, b: 1}");
    KNOWN.put("lookup", "key: other_field, table: {key_value: [values] or {value: weight}}, default: [values]");
    KNOWN.put("sequence", "start: 1, step: 1, format: 'TX-%08d' (optional)");
    KNOWN.put("lines", "file: names.txt (relative to the spec)");
    KNOWN.put("uniform", "min, max (inclusive for int/long fields), decimals (optional)");
    KNOWN.put("normal", "mean, stddev, min/max (optional), decimals (optional)");
    KNOWN.put("lognormal", "mu, sigma, min/max (optional), decimals (optional)");
    KNOWN.put("date", "from: 2024-01-01, to: 2024-12-31 (dates, or date-times for second resolution), format (optional)");
    KNOWN.put("template", "templates: ['text with {field} slots', ...] or {template: weight}");
    KNOWN.put("spans", "of: template_field");
  }

  /** Checks expressions; one instance, since each new Faker loads its locale's data again (about a second). */
  private static Faker checker;

  private FieldGenerators() {}

  private static synchronized void check(String expression) {
    if (checker == null) {
      checker = new Faker(new Random(0));
    }
    checker.expression(expression);
  }

  /**
   * @param integral whether the field's Avro type is int or long (numbers are rounded)
   * @param entityTypes entity type per field that declares one (for template spans)
   */
  public static FieldGenerator parse(FieldConfig c, Path specDir, boolean integral, Map<String, String> entityTypes) {
    String name = c.string("generator");
    FieldGenerator generator = switch (name) {
      case "faker" -> faker(c);
      case "choice" -> new ChoiceField(c.weighted("values"));
      case "lookup" -> lookup(c);
      case "sequence" -> new SequenceField(c.integer("start", 0), c.integer("step", 1), c.string("format", null));
      case "lines" -> lines(c, specDir);
      case "uniform" -> number(c, NumberField.Distribution.UNIFORM, integral, c.number("min"), c.number("max"), 0, 0);
      case "normal" -> number(c, NumberField.Distribution.NORMAL, integral, c.number("min", Double.NEGATIVE_INFINITY),
          c.number("max", Double.POSITIVE_INFINITY), c.number("mean"), c.number("stddev"));
      case "lognormal" -> number(c, NumberField.Distribution.LOGNORMAL, integral, c.number("min", 0),
          c.number("max", Double.POSITIVE_INFINITY), c.number("mu"), c.number("sigma"));
      case "date" -> date(c);
      case "template" -> template(c, entityTypes);
      case "spans" -> new SpansField(c.string("of"));
      default -> throw new SpecException(c.path("generator") + ": unknown generator '" + name + "'; known: "
          + String.join(", ", KNOWN.keySet()));
    };
    return generator;
  }

  private static FieldGenerator faker(FieldConfig c) {
    String expression = c.string("expression");
    try {
      // Evaluated once now, so an unknown provider or method fails before the job starts.
      check(expression);
    } catch (RuntimeException e) {
      throw new SpecException(c.path("expression") + ": datafaker cannot evaluate '" + expression + "' ("
          + e.getMessage() + "); write it as #{Provider.method}, e.g. #{Name.fullName} or #{Internet.emailAddress}");
    }
    return new FakerField(expression);
  }

  private static FieldGenerator lookup(FieldConfig c) {
    Map<String, WeightedValues> table = new TreeMap<>();
    c.map("table").forEach((key, row) -> table.put(key, WeightedValues.parse(row, c.path("table." + key))));
    WeightedValues fallback = c.has("default") ? c.weighted("default") : null;
    return new LookupField(c.string("key"), table, fallback);
  }

  private static FieldGenerator lines(FieldConfig c, Path specDir) {
    Path file = specDir.resolve(c.string("file"));
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      if (lines.isEmpty()) {
        throw new SpecException(c.path("file") + ": " + file + " has no lines to draw from");
      }
      return new LinesField(lines);
    } catch (IOException e) {
      throw new SpecException(c.path("file") + ": cannot read " + file.toAbsolutePath()
          + " (paths are relative to the spec file)", e);
    }
  }

  private static FieldGenerator number(FieldConfig c, NumberField.Distribution distribution, boolean integral,
      double min, double max, double a, double b) {
    if (min > max) {
      throw new SpecException("fields." + c.field() + ": min " + min + " is above max " + max);
    }
    if (distribution == NumberField.Distribution.UNIFORM && (Double.isInfinite(min) || Double.isInfinite(max))) {
      throw new SpecException("fields." + c.field() + ": uniform needs finite min and max");
    }
    if (b < 0) {
      throw new SpecException("fields." + c.field() + ": the spread (stddev or sigma) must be >= 0");
    }
    int decimals = (int) c.integer("decimals", -1);
    if (integral && decimals >= 0) {
      throw new SpecException(c.path("decimals") + " applies to float/double fields; this field is integral");
    }
    return new NumberField(distribution, a, b, min, max, integral, decimals);
  }

  private static FieldGenerator date(FieldConfig c) {
    String from = c.string("from");
    String to = c.string("to");
    boolean days = isDate(from) && isDate(to);
    long start = epochSecond(from, c.path("from"));
    long end = epochSecond(to, c.path("to"));
    if (start > end) {
      throw new SpecException("fields." + c.field() + ": from " + from + " is after to " + to);
    }
    String format = c.string("format", null);
    if (format != null) {
      try {
        java.time.format.DateTimeFormatter.ofPattern(format);
      } catch (IllegalArgumentException e) {
        throw new SpecException(c.path("format") + ": '" + format + "' is not a date-time pattern ("
            + e.getMessage() + "), e.g. yyyy-MM-dd HH:mm");
      }
    }
    return new DateField(start, end, days, format);
  }

  private static boolean isDate(String text) {
    return text.length() == 10;
  }

  private static long epochSecond(String text, String path) {
    try {
      return isDate(text) ? LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
          : LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new SpecException(path + ": '" + text + "' is not an ISO date (2024-01-31) or date-time "
          + "(2024-01-31T08:30:00), in UTC");
    }
  }

  /** Prompt templates ({@code templates:} with {@code {field}} slots) for the SLM mode. */
  public static FieldGenerator prompts(FieldConfig c) {
    return template(c, Map.of());
  }

  private static FieldGenerator template(FieldConfig c, Map<String, String> entityTypes) {
    WeightedValues templates = c.weighted("templates");
    List<String> slots = TemplateField.slotsOf(templates.values());
    Map<String, String> slotEntities = new TreeMap<>();
    for (String slot : slots) {
      if (entityTypes.containsKey(slot)) {
        slotEntities.put(slot, entityTypes.get(slot));
      }
    }
    return new TemplateField(templates, slots, slotEntities);
  }
}
