package io.sluice.models.generate.constrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.models.bench.ConstraintMaskBenchmark;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The proof of issue 6 item 4: 1,000 constrained generations with random seeds over a nested schema, driven by
 * random logits over a byte-level BPE vocabulary, all parse and validate under an independent validator
 * (networknt json-schema-validator, draft 2020-12 with format assertions), within their token budgets.
 */
class ConstrainedGenerationTest {
  /** The benchmark's schema: object in object, array of objects, enums, numbers, booleans, optional fields. */
  static final String NESTED_SCHEMA = ConstraintMaskBenchmark.defaultSchema();

  private static final int VOCABULARY_SIZE = 6000;
  private static final int PADDED_LOGITS = VOCABULARY_SIZE + 64;

  @Test
  void thousandRandomGenerationsAllParseAndValidate() throws Exception {
    TokenVocabulary vocabulary = SyntheticByteVocabulary.build(VOCABULARY_SIZE, 6);
    JsonSchemaConstraints constraints =
        JsonSchemaConstraints.compile(NESTED_SCHEMA, vocabulary, SyntheticByteVocabulary.END_OF_TEXT);
    JsonSchema validator = validator(NESTED_SCHEMA);
    ObjectMapper mapper = new ObjectMapper();
    RandomLogitsDecoder decoder =
        new RandomLogitsDecoder(vocabulary, PADDED_LOGITS, SyntheticByteVocabulary.END_OF_TEXT);
    Random seeds = new Random(20261122L);
    int withNote = 0;
    int withTags = 0;
    int multiByteTokens = 0;
    for (int run = 0; run < 1000; run++) {
      long seed = seeds.nextLong();
      Random random = new Random(seed);
      int budget = constraints.minimumTokenBudget() + random.nextInt(300);
      RandomLogitsDecoder.Output output = decoder.decode(constraints.newConstraint(budget), random, budget);
      String where = "seed " + seed + ", budget " + budget + ": " + output.text();
      assertTrue(output.complete(), "incomplete at " + where);
      assertTrue(output.tokens() <= budget, where);
      JsonNode document = mapper.readTree(output.text());
      Set<ValidationMessage> errors = validator.validate(document);
      assertEquals(Set.of(), errors, where);
      withNote += document.has("note") ? 1 : 0;
      withTags += output.text().contains("\"tags\"") ? 1 : 0;
      multiByteTokens += output.multiByteTokens();
    }
    // the random walk reached the optional parts and used merged tokens, not only single bytes
    assertTrue(withNote > 50 && withNote < 950, "documents with a note: " + withNote);
    assertTrue(withTags > 50, "documents with tags: " + withTags);
    assertTrue(multiByteTokens > 10_000, "multi-byte tokens used: " + multiByteTokens);
  }

  static JsonSchema validator(String schema) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
  }
}
