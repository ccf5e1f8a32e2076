package io.sluice.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.models.decoder.DecoderCheckpoint;
import io.sluice.models.generate.GenerationParams;
import io.sluice.models.generate.constrained.AvroJsonSchema;
import io.sluice.synth.fields.AvroFields;
import io.sluice.synth.fields.FieldConfig;
import io.sluice.synth.fields.FieldGenerator;
import io.sluice.synth.fields.FieldGenerators;
import io.sluice.synth.fields.FieldSpec;
import io.sluice.synth.fields.ValueKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads a synthesis spec (YAML, documented in {@code conf/synth/README.md} and the example specs) and checks it
 * against its Avro schema, failing fast with the key and what to fix: an unknown generator or key, a field
 * missing from the schema or a schema field with no generator and no default, a generator that cannot fill its
 * field's type, bad weights, a lookup with no row for a possible key, a dependency cycle.
 */
public final class SpecLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final Set<String> TOP_KEYS =
      Set.of("mode", "seed", "schema", "id_prefix", "records_per_file", "fields", "slm", "gate", "deidentify");
  private static final Set<String> COMMON_FIELD_KEYS = Set.of("generator", "entity_type", "null_rate");
  static final int DEFAULT_RECORDS_PER_FILE = 100_000;

  private SpecLoader() {}

  public static SynthSpec load(Path specFile) {
    String text;
    try {
      text = Files.readString(specFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecException("cannot read spec " + specFile.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    Path dir = specFile.toAbsolutePath().getParent();
    String name = specFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(text, name, dir);
  }

  /** Parses spec YAML; relative paths resolve from {@code specDir}. */
  public static SynthSpec parse(String yaml, String name, Path specDir) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new SpecException("spec " + name + " is not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SpecException("spec " + name + " must be a YAML map (mode:, schema:, fields:, ...)");
    }
    Set<String> unknown = new TreeSet<>();
    root.fieldNames().forEachRemaining(k -> {
      if (!TOP_KEYS.contains(k)) {
        unknown.add(k);
      }
    });
    if (!unknown.isEmpty()) {
      throw new SpecException("spec " + name + " has unknown keys " + unknown + "; known: " + new TreeSet<>(TOP_KEYS));
    }
    SynthMode mode = mode(root);
    long seed = root.path("seed").asLong(0);
    if (root.has("seed") && !root.get("seed").canConvertToExactIntegral()) {
      throw new SpecException("seed must be a whole number");
    }
    int perFile = root.path("records_per_file").asInt(DEFAULT_RECORDS_PER_FILE);
    if (perFile <= 0) {
      throw new SpecException("records_per_file must be > 0");
    }
    String idPrefix = root.path("id_prefix").asText(name + "-");
    Map<String, Object> gate = section(root, "gate");
    Map<String, Object> deid = section(root, "deidentify");
    if (mode == SynthMode.DEID) {
      return new SynthSpec(name, mode, null, perFile, null, gate, deid, specDir);
    }
    Schema schema = schema(root, specDir);
    SlmSettings slm = mode == SynthMode.SLM ? slm(root.get("slm"), specDir, schema) : null;
    List<FieldSpec> fields = fields(root.get("fields"), schema, specDir, slm == null ? null : slm.outputField());
    if (slm != null) {
      checkSlots(slm.prompts().dependsOn(), fields, "slm.templates");
    }
    RecordPlan plan = new RecordPlan(schema.toString(), fields, seed, idPrefix, slm == null ? null : slm.outputField());
    return new SynthSpec(name, mode, plan, perFile, slm, gate, deid, specDir);
  }

  private static SynthMode mode(JsonNode root) {
    String text = root.path("mode").asText("");
    try {
      return SynthMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SpecException("mode must be schema, slm or deid, not '" + text + "'");
    }
  }

  private static Map<String, Object> section(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new SpecException(key + ": must be a map of settings");
    }
    return YAML.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static Schema schema(JsonNode root, Path specDir) {
    if (!root.hasNonNull("schema")) {
      throw new SpecException("schema: give the output Avro schema (.avsc), relative to the spec");
    }
    Path file = specDir.resolve(root.get("schema").asText());
    Schema schema;
    try {
      schema = new Schema.Parser().parse(file.toFile());
    } catch (IOException | SchemaParseException e) {
      throw new SpecException("schema: cannot read Avro schema " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    if (schema.getType() != Schema.Type.RECORD) {
      throw new SpecException("schema: " + file + " must be an Avro record schema, not " + schema.getType());
    }
    return schema;
  }

  private static List<FieldSpec> fields(JsonNode node, Schema schema, Path specDir, String leftToModel) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      throw new SpecException("fields: give a generator for each field of schema " + schema.getName());
    }
    Map<String, String> entityTypes = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      JsonNode type = e.getValue().get("entity_type");
      if (type != null && !type.isNull()) {
        entityTypes.put(e.getKey(), type.asText());
      }
    });
    Map<String, FieldSpec> byName = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      String field = e.getKey();
      Schema.Field schemaField = schema.getField(field);
      if (schemaField == null) {
        throw new SpecException("fields." + field + ": schema " + schema.getName() + " has no field '" + field
            + "'; add it to the schema or remove the generator (schema fields: " + fieldNames(schema) + ")");
      }
      if (field.equals(leftToModel)) {
        throw new SpecException("fields." + field + " is slm.output_field, which the model writes: remove its generator");
      }
      FieldConfig config = new FieldConfig(field, e.getValue());
      Schema.Type type = AvroFields.valueSchema(schemaField.schema()).getType();
      FieldGenerator generator = FieldGenerators.parse(config, specDir,
          type == Schema.Type.INT || type == Schema.Type.LONG, entityTypes);
      COMMON_FIELD_KEYS.forEach(config::has);
      double nullRate = config.number("null_rate", 0);
      if (nullRate < 0 || nullRate > 1) {
        throw new SpecException(config.path("null_rate") + " must be in [0, 1]");
      }
      config.rejectUnknownKeys();
      FieldSpec spec = new FieldSpec(field, generator, entityTypes.get(field), nullRate);
      AvroFields.check(spec, schemaField.schema());
      byName.put(field, spec);
    });
    for (Schema.Field f : schema.getFields()) {
      if (!byName.containsKey(f.name()) && !f.name().equals(leftToModel) && !f.hasDefaultValue()) {
        throw new SpecException("fields: schema field '" + f.name() + "' has no generator and no default; add "
            + "fields." + f.name() + " (generators: " + String.join(", ", FieldGenerators.KNOWN.keySet()) + ")");
      }
    }
    return FieldDependencies.order(byName);
  }

  private static void checkSlots(List<String> slots, List<FieldSpec> fields, String where) {
    Set<String> names = new TreeSet<>();
    fields.forEach(f -> names.add(f.name()));
    for (String slot : slots) {
      if (!names.contains(slot)) {
        throw new SpecException(where + ": slot {" + slot + "} names no field; fields: " + names);
      }
    }
  }

  private static List<String> fieldNames(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).toList();
  }

  private static SlmSettings slm(JsonNode node, Path specDir, Schema schema) {
    if (node == null || !node.isObject()) {
      throw new SpecException("slm: mode slm needs an slm: section (model, templates, output_field)");
    }
    FieldConfig c = new FieldConfig("slm", "slm", node);
    Path model = specDir.resolve(c.string("model"));
    if (!Files.isDirectory(model)) {
      throw new SpecException("slm.model: " + model.toAbsolutePath() + " is not a model directory (config.json, "
          + "*.safetensors, tokenizer.json); paths are relative to the spec");
    }
    FieldGenerator prompts = FieldGenerators.prompts(c);
    String outputField = c.string("output_field");
    Schema.Field target = schema.getField(outputField);
    if (target == null || AvroFields.valueSchema(target.schema()).getType() != Schema.Type.STRING) {
      throw new SpecException("slm.output_field: '" + outputField + "' must be a string field of schema "
          + schema.getName() + " (fields: " + fieldNames(schema) + ")");
    }
    String jsonSchema = c.has("json_schema") ? jsonSchema(specDir.resolve(c.string("json_schema"))) : null;
    int attempts = (int) c.integer("attempts", 3);
    int batchSize = (int) c.integer("batch_size", 8);
    String device = c.string("device", "cpu");
    GenerationParams params = params(c, model);
    c.rejectUnknownKeys();
    if (attempts < 1 || batchSize < 1) {
      throw new SpecException("slm.attempts and slm.batch_size must be >= 1");
    }
    return new SlmSettings(model.toString(), prompts, outputField, jsonSchema, attempts, params, batchSize, device);
  }

  private static String jsonSchema(Path file) {
    try {
      return file.getFileName().toString().endsWith(".avsc") ? AvroJsonSchema.fromAvsc(file) : Files.readString(file);
    } catch (IOException | RuntimeException e) {
      throw new SpecException("slm.json_schema: cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** The model's generation_config.json defaults with the spec's sampling keys applied. */
  private static GenerationParams params(FieldConfig c, Path model) {
    boolean sampling = c.has("top_k") | c.has("top_p");
    if (!c.has("max_new_tokens") && !c.has("temperature")) {
      if (sampling) {
        throw new SpecException("slm.top_k and slm.top_p apply with slm.temperature > 0: add a temperature");
      }
      return null;
    }
    try {
      GenerationParams p = GenerationParams.fromGenerationConfig(DecoderCheckpoint.readGenerationConfig(model));
      if (c.has("max_new_tokens")) {
        p = p.withMaxNewTokens((int) c.integer("max_new_tokens", 0));
      }
      if (c.has("temperature")) {
        double temperature = c.number("temperature");
        p = temperature == 0 ? p.greedyDecoding()
            : p.sampling(temperature, (int) c.integer("top_k", 0), c.number("top_p", 1.0));
      }
      return p;
    } catch (IllegalArgumentException e) {
      throw new SpecException("slm: " + e.getMessage(), e);
    }
  }
}
