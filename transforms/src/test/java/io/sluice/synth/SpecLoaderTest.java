package io.sluice.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec mistakes fail when the spec is loaded, with a message naming the key and what to fix. */
class SpecLoaderTest {
  static final String SCHEMA = """
      {"type": "record", "name": "Person", "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "country", "type": "string"},
        {"name": "city", "type": "string"},
        {"name": "tier", "type": {"type": "enum", "name": "Tier", "symbols": ["GOLD", "SILVER"]}},
        {"name": "age", "type": "int"},
        {"name": "note", "type": ["null", "string"], "default": null}]}
      """;
  static final String FIELDS = """
      fields:
        id: {generator: sequence}
        name: {generator: faker, expression: "#{Name.fullName}", entity_type: PERSON}
        country: {generator: choice, values: {DE: 2, FR: 1}}
        city: {generator: lookup, key: country, table: {DE: [Berlin], FR: [Paris, Lyon]}}
        tier: {generator: choice, values: [GOLD, SILVER]}
        age: {generator: normal, mean: 40, stddev: 12, min: 18, max: 90}
      """;

  @TempDir Path dir;

  @BeforeEach
  void writeSchema() throws IOException {
    Files.writeString(dir.resolve("person.avsc"), SCHEMA);
  }

  private SynthSpec load(String fields) {
    return SpecLoader.parse("mode: schema\nseed: 3\nschema: person.avsc\n" + fields, "people", dir);
  }

  private String failure(String fields) {
    return assertThrows(SpecException.class, () -> load(fields)).getMessage();
  }

  @Test
  void aValidSpecOrdersFieldsAfterThoseTheyRead() {
    SynthSpec spec = load(FIELDS);
    List<String> order = spec.plan().fields().stream().map(f -> f.name()).toList();
    assertTrue(order.indexOf("country") < order.indexOf("city"), order.toString());
    assertEquals("people-", spec.plan().idPrefix());
    assertEquals(3, spec.plan().seed());
  }

  @Test
  void anUnknownGeneratorNamesTheKnownOnes() {
    String message = failure(FIELDS.replace("generator: sequence", "generator: sequense"));
    assertTrue(message.contains("fields.id.generator: unknown generator 'sequense'"), message);
    assertTrue(message.contains("sequence"), message);
  }

  @Test
  void aGeneratorForAFieldMissingFromTheSchemaIsRejected() {
    String message = failure(FIELDS + "  email: {generator: faker, expression: \"#{Internet.emailAddress}\"}\n");
    assertTrue(message.contains("schema Person has no field 'email'"), message);
  }

  @Test
  void aSchemaFieldWithoutGeneratorOrDefaultIsRejected() {
    String message = failure(FIELDS.replace("  age: {generator: normal, mean: 40, stddev: 12, min: 18, max: 90}\n", ""));
    assertTrue(message.contains("schema field 'age' has no generator and no default"), message);
  }

  @Test
  void aTypeMismatchSaysWhichGeneratorsFit() {
    String message = failure(FIELDS.replace("age: {generator: normal, mean: 40, stddev: 12, min: 18, max: 90}",
        "age: {generator: faker, expression: \"#{Name.firstName}\"}"));
    assertTrue(message.contains("fields.age: a string generator cannot fill Avro type \"int\""), message);
  }

  @Test
  void badWeightsAreRejected() {
    assertTrue(failure(FIELDS.replace("{DE: 2, FR: 1}", "{DE: 0, FR: 0}")).contains("weights add up to 0"));
    assertTrue(failure(FIELDS.replace("{DE: 2, FR: 1}", "{DE: -1, FR: 1}")).contains("weights must be finite"));
    assertTrue(failure(FIELDS.replace("{DE: 2, FR: 1}", "{DE: two, FR: 1}")).contains("a weight must be a number"));
  }

  @Test
  void enumValuesMustBeSymbols() {
    String message = failure(FIELDS.replace("[GOLD, SILVER]", "[GOLD, BRONZE]"));
    assertTrue(message.contains("'BRONZE' is not a symbol of enum Tier"), message);
  }

  @Test
  void aLookupNeedsARowForEveryKeyValue() {
    String message = failure(FIELDS.replace("{DE: 2, FR: 1}", "{DE: 2, FR: 1, IT: 1}"));
    assertTrue(message.contains("fields.city.table has no row for country = 'IT'"), message);
    load(FIELDS.replace("{DE: 2, FR: 1}", "{DE: 2, FR: 1, IT: 1}")
        .replace("FR: [Paris, Lyon]}", "FR: [Paris, Lyon]}, default: [Rome]"));
  }

  @Test
  void cyclesUnknownKeysAndBadExpressionsAreRejected() {
    assertTrue(failure(FIELDS.replace("country: {generator: choice, values: {DE: 2, FR: 1}}",
        "country: {generator: lookup, key: city, table: {Berlin: [DE]}, default: [FR]}"))
        .contains("cycle: "));
    assertTrue(failure(FIELDS.replace("mean: 40", "mean: 40, median: 38")).contains("unknown keys [median]"));
    assertTrue(failure(FIELDS.replace("#{Name.fullName}", "#{Name.fullNombre}")).contains("datafaker cannot evaluate"));
    assertTrue(failure(FIELDS.replace("min: 18, max: 90", "min: 90, max: 18")).contains("min 90.0 is above max 18.0"));
    assertTrue(failure(FIELDS + "  note: {generator: choice, values: [a], null_rate: 1.5}\n").contains("[0, 1]"));
    assertTrue(assertThrows(SpecException.class, () -> SpecLoader.parse("mode: schema\nschema: nowhere.avsc\n" + FIELDS,
        "people", dir)).getMessage().contains("cannot read Avro schema"));
  }
}
