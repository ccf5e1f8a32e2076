package io.sluice.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.schemas.SynthRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records are a function of (seed, index), follow the rules between fields, and carry exact gold spans. */
class RecordFactoryTest {
  static final String SCHEMA = """
      {"type": "record", "name": "Ticket", "fields": [
        {"name": "n", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "country", "type": "string"},
        {"name": "city", "type": "string"},
        {"name": "amount", "type": "double"},
        {"name": "day", "type": "string"},
        {"name": "text", "type": "string"},
        {"name": "spans", "type": {"type": "array", "items": {"type": "record", "name": "Span", "fields": [
          {"name": "entity_type", "type": "string"}, {"name": "start", "type": "int"}, {"name": "end", "type": "int"},
          {"name": "value", "type": "string"}]}}}]}
      """;
  static final String SPEC = """
      mode: schema
      seed: 11
      schema: ticket.avsc
      fields:
        n: {generator: sequence, start: 10, step: 5}
        name: {generator: faker, expression: "#{Name.fullName}", entity_type: PERSON}
        country: {generator: choice, values: {DE: 1, FR: 1}}
        city: {generator: lookup, key: country, entity_type: LOCATION, table: {DE: [Berlin, Hamburg], FR: [Paris]}}
        amount: {generator: lognormal, mu: 3, sigma: 1, min: 1, max: 50, decimals: 2}
        day: {generator: date, from: 2024-02-01, to: 2024-02-29}
        text: {generator: template, templates: ["😀 {name} lives in {city} ({country}) since {day}", "{city}: {name}"]}
        spans: {generator: spans, of: text}
      """;
  private static final Map<String, Set<String>> CITIES = Map.of("DE", Set.of("Berlin", "Hamburg"), "FR", Set.of("Paris"));

  @TempDir Path dir;

  private RecordPlan plan() throws IOException {
    Files.writeString(dir.resolve("ticket.avsc"), SCHEMA);
    return SpecLoader.parse(SPEC, "tickets", dir).plan();
  }

  @Test
  void aRecordDependsOnTheSeedAndIndexOnly() throws IOException {
    RecordPlan plan = plan();
    RecordFactory forwards = new RecordFactory(plan);
    RecordFactory backwards = new RecordFactory(plan);
    SynthRecord[] first = new SynthRecord[50];
    for (int i = 0; i < 50; i++) {
      first[i] = forwards.toSynthRecord(i, forwards.record(i));
    }
    for (int i = 49; i >= 0; i--) {
      assertEquals(first[i], backwards.toSynthRecord(i, backwards.record(i)), "record " + i);
    }
    RecordFactory reseeded = new RecordFactory(plan.withSeed(12));
    assertNotEquals(first[3].getPayload(), reseeded.toSynthRecord(3, reseeded.record(3)).getPayload());
  }

  @Test
  void fieldsFollowTheirRulesAndSpansPointAtTheInjectedValues() throws IOException {
    RecordFactory factory = new RecordFactory(plan());
    Set<Object> names = new HashSet<>();
    for (long i = 0; i < 200; i++) {
      GenericRecord r = factory.record(i);
      assertEquals(10 + 5 * i, r.get("n"));
      assertTrue(CITIES.get(r.get("country").toString()).contains(r.get("city").toString()), r.toString());
      double amount = (Double) r.get("amount");
      assertTrue(amount >= 1 && amount <= 50 && Math.round(amount * 100) / 100.0 == amount, r.toString());
      assertTrue(r.get("day").toString().matches("2024-02-(0[1-9]|[12][0-9])"), r.toString());
      names.add(r.get("name").toString());
      String text = r.get("text").toString();
      @SuppressWarnings("unchecked")
      List<GenericRecord> spans = (List<GenericRecord>) r.get("spans");
      assertEquals(2, spans.size(), text);
      for (GenericRecord span : spans) {
        int start = text.offsetByCodePoints(0, (Integer) span.get("start"));
        int end = text.offsetByCodePoints(0, (Integer) span.get("end"));
        assertEquals(span.get("value").toString(), text.substring(start, end), "code-point offsets in " + text);
        String field = span.get("entity_type").equals("PERSON") ? "name" : "city";
        assertEquals(r.get(field).toString(), span.get("value").toString());
      }
      SynthRecord synth = factory.toSynthRecord(i, r);
      assertEquals("tickets-" + i, synth.getId());
      assertEquals(List.of("PERSON", "LOCATION"), synth.getInjected().stream().map(v -> v.getEntityType()).toList());
      assertTrue(synth.getText().contains(text));
    }
    assertTrue(names.size() > 150, "names vary: " + names.size());
  }
}
