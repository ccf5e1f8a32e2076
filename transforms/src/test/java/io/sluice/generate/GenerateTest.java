package io.sluice.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.bench.RandomDecoders;
import io.sluice.schemas.DeadLetter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generate over a random two-layer decoder: every record ends as a generation or a dead letter with its reason. */
class GenerateTest {
  @TempDir static Path tmp;
  private static String modelDir;

  @BeforeAll
  static void writeModel() throws Exception {
    modelDir = RandomDecoders.write(tmp.resolve("tiny-llama"), RandomDecoders.tiny(), 5, 1).toString();
  }

  private static List<GenerationPrompt> prompts() {
    List<GenerationPrompt> prompts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      prompts.add(GenerationPrompt.plain("p" + i, "prompt number " + i + " about data"));
    }
    prompts.add(new GenerationPrompt("seeded", "the same words", null, 7L, "prompts.jsonl:7"));
    prompts.add(GenerationPrompt.plain("empty", ""));
    return prompts;
  }

  @Test
  void everyPromptIsGeneratedOrDeadLetteredWithItsReason() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<GenerationPrompt> input = p.apply(Create.of(prompts())
        .withCoder(SerializableCoder.of(GenerationPrompt.class)));
    Generate.Result result = input.apply(Generate.with(modelDir).batchSize(3).seed(1));
    PAssert.that(result.generations()).satisfies(gens -> {
      Map<String, Generation> byId = new TreeMap<>();
      gens.forEach(g -> byId.put(g.id(), g));
      assertEquals(List.of("p0", "p1", "p2", "p3", "p4", "seeded"), List.copyOf(byId.keySet()));
      for (Generation g : byId.values()) {
        assertTrue(g.generatedTokens() <= 5, g.toString());
        assertTrue(g.promptTokens() > 0);
        assertEquals(1, g.attempts());
      }
      assertEquals(7L, byId.get("seeded").seed());
      return null;
    });
    PAssert.that(result.deadLetters()).satisfies(dead -> {
      DeadLetter only = dead.iterator().next();
      assertEquals("empty", only.getRecordId());
      assertEquals(GenerateMetrics.BAD_PROMPT, only.getErrorKind());
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void aSchemaConstrainsEveryOutputToAValidDocument() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<GenerationPrompt> input = p.apply(Create.of(List.of(GenerationPrompt.plain("a", "give json"),
        GenerationPrompt.plain("b", "more json"), GenerationPrompt.plain("c", "and more"))).withCoder(
        SerializableCoder.of(GenerationPrompt.class)));
    // random weights: without the constraint the output would be noise, never a JSON array
    Generate.Result result = input.apply(Generate.with(modelDir)
        .schema("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}", 2).seed(9));
    PAssert.that(result.generations()).satisfies(gens -> {
      int n = 0;
      for (Generation g : gens) {
        n++;
        try {
          com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(g.text());
          assertTrue(doc.isArray(), g.text());
          doc.forEach(item -> assertTrue(item.isIntegralNumber(), g.text()));
        } catch (java.io.IOException e) {
          throw new AssertionError("not JSON: " + g.text(), e);
        }
        assertEquals(1, g.attempts());
      }
      assertEquals(3, n);
      return null;
    });
    PAssert.that(result.deadLetters()).empty();
    p.run().waitUntilFinish();
  }
}
