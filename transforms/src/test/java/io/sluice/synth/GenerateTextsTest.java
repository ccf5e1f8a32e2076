package io.sluice.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.bench.RandomDecoders;
import io.sluice.schemas.SynthRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLM mode end to end on a random two-layer decoder: every record gets a text, from its own seed, so the same spec
 * and seed give the same texts whatever the batching, and a JSON Schema constrains them.
 */
class GenerateTextsTest {
  static final String SCHEMA = """
      {"type": "record", "name": "Review", "fields": [
        {"name": "product", "type": "string"},
        {"name": "author", "type": "string"},
        {"name": "review", "type": "string"}]}
      """;
  @TempDir static Path dir;

  @BeforeAll
  static void writeModelAndSchema() throws Exception {
    RandomDecoders.write(dir.resolve("tiny-llama"), RandomDecoders.tiny(), 6, 1);
    Files.writeString(dir.resolve("review.avsc"), SCHEMA);
    Files.writeString(dir.resolve("products.txt"), "# seed file\nkettle\ntoaster\n\nblender\n");
  }

  static SynthSpec spec(String extra) {
    return SpecLoader.parse("""
        mode: slm
        seed: 5
        schema: review.avsc
        fields:
          product: {generator: lines, file: products.txt}
          author: {generator: faker, expression: "#{Name.firstName}", entity_type: PERSON}
        slm:
          model: tiny-llama
          templates: ["Review of the {product} by {author}:", "{author} writes about a {product}:"]
          output_field: review
          batch_size: %s
          temperature: 0.9
          top_p: 0.95
        """.formatted(extra), "reviews", dir);
  }

  /** Checks every record of a run and returns its texts by index through {@link #TEXTS} (DirectRunner: one JVM). */
  private static void check(Pipeline p, SynthSpec spec, int count, String run) {
    SynthesisResult result = p.apply(run, GenerateTexts.of(spec.plan(), spec.slm(), count));
    String schemaJson = spec.plan().schemaJson();
    PAssert.that(run, result.records()).satisfies(records -> {
      PayloadReader reader = new PayloadReader(schemaJson);
      Map<Long, String> texts = new TreeMap<>();
      for (SynthRecord r : records) {
        GenericRecord record = reader.read(r);
        assertTrue(Set.of("kettle", "toaster", "blender").contains(record.get("product").toString()));
        assertTrue(r.getText().contains(record.get("review").toString()));
        assertEquals("PERSON", r.getInjected().get(0).getEntityType());
        texts.put(r.getIndex(), record.get("review").toString());
      }
      TEXTS.put(run, texts);
      return null;
    });
    PAssert.that(run + "DeadLetters", result.deadLetters()).empty();
  }

  private static final Map<String, Map<Long, String>> TEXTS = new ConcurrentHashMap<>();

  @Test
  void theSameSeedGivesTheSameTextsWhateverTheBatching() {
    // one pipeline, two runs: the model loads once
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    check(p, spec("1"), 6, "BatchOfOne");
    check(p, spec("4"), 6, "BatchOfFour");
    p.run().waitUntilFinish();
    Map<Long, String> batchOfOne = TEXTS.get("BatchOfOne");
    Map<Long, String> batchOfFour = TEXTS.get("BatchOfFour");
    assertEquals(6, batchOfOne.size());
    assertEquals(batchOfOne, batchOfFour);
    assertNotEquals(1, new java.util.HashSet<>(batchOfOne.values()).size(), "records draw different texts");
  }
}
