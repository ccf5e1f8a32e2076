package io.sluice.models.generate.constrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.generate.LogitsConstraint;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each schema feature: documents it must accept byte by byte, and near misses it must refuse. */
class JsonSchemaConstraintsTest {
  private static final TokenVocabulary VOCABULARY = SyntheticByteVocabulary.build(3000, 1);
  private static final int END = SyntheticByteVocabulary.END_OF_TEXT;

  /** True when the constraint lets the text through byte by byte (single-byte tokens) and it is then complete. */
  private static boolean accepts(String schema, byte[] text) {
    LogitsConstraint constraint = JsonSchemaConstraints.compile(schema, VOCABULARY, END).newConstraint();
    for (byte b : text) {
      int token = SyntheticByteVocabulary.SPECIAL_TOKENS + (b & 0xFF);
      if (constraint.isComplete() || !allowed(constraint, token)) {
        return false;
      }
      constraint.accept(token);
    }
    return constraint.isComplete() || allowed(constraint, END);
  }

  private static boolean accepts(String schema, String text) {
    return accepts(schema, text.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean allowed(LogitsConstraint constraint, int token) {
    float[] logits = new float[VOCABULARY.size()];
    constraint.maskLogits(logits);
    return logits[token] != Float.NEGATIVE_INFINITY;
  }

  @Test
  void objectsKeepTheSchemaOrderAndTheirRequiredProperties() {
    String schema = """
        {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"},"c":{"type":"boolean"}},
         "required":["a","c"]}""";
    assertTrue(accepts(schema, "{\"a\":1,\"c\":true}"));
    assertTrue(accepts(schema, "{\"a\":1,\"b\":\"x\",\"c\":false}"));
    assertTrue(accepts(schema, "{\"a\": 1, \"b\": \"x\", \"c\": false}"));
    assertFalse(accepts(schema, "{\"c\":true,\"a\":1}"), "out of order");
    assertFalse(accepts(schema, "{\"a\":1}"), "missing c");
    assertFalse(accepts(schema, "{\"a\":1,\"d\":2,\"c\":true}"), "unknown property");
    assertFalse(accepts(schema, "{ \"a\":1,\"c\":true}"), "whitespace after the brace");
    assertFalse(accepts(schema, "{\"a\":  1,\"c\":true}"), "two spaces");
    assertFalse(accepts(schema, "{\"a\":1,\"c\":true} "), "trailing space");
    assertTrue(accepts("{\"type\":\"object\",\"properties\":{}}", "{}"));
  }

  @Test
  void aKeyLongerThanTheRequiredKeyAfterItIsWrittenInFull() {
    // regression: once "verifi" was written, measuring what is left compared it with "role" past that key's end
    // (ArrayIndexOutOfBoundsException in the decoder benchmark, whose schema has this shape)
    String schema = """
        {"type":"object","properties":{"verified":{"type":"boolean"},"role":{"type":"string"}},"required":["role"]}""";
    assertTrue(accepts(schema, "{\"verified\":true,\"role\":\"x\"}"));
    assertTrue(accepts(schema, "{\"role\":\"x\"}"));
    assertFalse(accepts(schema, "{\"verifies\":true,\"role\":\"x\"}"));
    assertFalse(accepts(schema, "{\"verified\":true}"), "missing role");
  }

  @Test
  void stringsEndByTheirMaxLengthAndStayValidUtf8() {
    String schema = "{\"type\":\"string\",\"maxLength\":3}";
    assertTrue(accepts(schema, "\"abc\""));
    assertFalse(accepts(schema, "\"abcd\""));
    assertTrue(accepts(schema, "\"é中😀\""), "three code points");
    assertTrue(accepts(schema, "\"a\\nb\""));
    assertTrue(accepts(schema, "\"\\u00e9\""));
    assertFalse(accepts(schema, "\"\\ud800\""), "lone surrogate");
    assertFalse(accepts(schema, "\"a\nb\""), "raw control character");
    assertFalse(accepts(schema, "\"\\x\""), "unknown escape");
    assertFalse(accepts(schema, new byte[] {'"', (byte) 0xC3, '(', '"'}), "broken UTF-8");
    assertFalse(accepts(schema, new byte[] {'"', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '"'}), "overlong UTF-8");
    assertTrue(accepts("{\"type\":\"string\"}", "\"" + "x".repeat(JsonSchemaCompiler.DEFAULT_MAX_STRING_LENGTH) + "\""));
    assertFalse(accepts("{\"type\":\"string\"}",
        "\"" + "x".repeat(JsonSchemaCompiler.DEFAULT_MAX_STRING_LENGTH + 1) + "\""));
  }

  @Test
  void numbersAndIntegersFollowJsonGrammar() {
    String integer = "{\"type\":\"integer\"}";
    assertTrue(accepts(integer, "0"));
    assertTrue(accepts(integer, "-12"));
    assertFalse(accepts(integer, "01"));
    assertFalse(accepts(integer, "1.5"));
    assertFalse(accepts(integer, "-"));
    assertFalse(accepts(integer, "1".repeat(NumberSchema.MAX_DIGITS + 1)));
    String number = "{\"type\":\"number\"}";
    assertTrue(accepts(number, "3.25"));
    assertTrue(accepts(number, "-0.5"));
    assertFalse(accepts(number, "1."));
    assertFalse(accepts(number, ".5"));
    assertFalse(accepts(number, "1e5"));
  }

  @Test
  void literalsCoverBooleansNullEnumsAndConst() {
    assertTrue(accepts("{\"type\":\"boolean\"}", "true"));
    assertTrue(accepts("{\"type\":\"boolean\"}", "false"));
    assertFalse(accepts("{\"type\":\"boolean\"}", "tru"));
    assertTrue(accepts("{\"type\":\"null\"}", "null"));
    String enumeration = "{\"enum\":[\"a\",1,12,null]}";
    assertTrue(accepts(enumeration, "\"a\""));
    assertTrue(accepts(enumeration, "1"));
    assertTrue(accepts(enumeration, "12"));
    assertTrue(accepts(enumeration, "null"));
    assertFalse(accepts(enumeration, "2"));
    assertFalse(accepts(enumeration, "\"b\""));
    assertTrue(accepts("{\"const\":{\"k\":[1]}}", "{\"k\":[1]}"));
  }

  @Test
  void arraysRespectMinAndMaxItems() {
    String schema = "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":1,\"maxItems\":2}";
    assertFalse(accepts(schema, "[]"));
    assertTrue(accepts(schema, "[1]"));
    assertTrue(accepts(schema, "[1, 2]"));
    assertFalse(accepts(schema, "[1,2,3]"));
    assertTrue(accepts("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "[]"));
  }

  @Test
  void optionalValuesAreATypeOrNull() {
    String anyOf = "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}";
    assertTrue(accepts(anyOf, "\"x\""));
    assertTrue(accepts(anyOf, "null"));
    assertFalse(accepts(anyOf, "1"));
    assertTrue(accepts("{\"type\":[\"integer\",\"null\"]}", "7"));
    IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () ->
        JsonSchemaConstraints.compile("{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"number\"}]}", VOCABULARY, END));
    assertTrue(overlap.getMessage().startsWith("#:"), overlap.getMessage());
  }

  @Test
  void datesAreRealCalendarDates() {
    String date = "{\"type\":\"string\",\"format\":\"date\"}";
    assertTrue(accepts(date, "\"2024-02-29\""));
    assertTrue(accepts(date, "\"1999-12-31\""));
    assertFalse(accepts(date, "\"2023-02-29\""));
    assertFalse(accepts(date, "\"2023-13-01\""));
    assertFalse(accepts(date, "\"2023-1-01\""));
  }

  @Test
  void unsupportedKeywordsFailWithTheirLocation() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JsonSchemaConstraints.compile(
        "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\",\"pattern\":\"a+\"}}}", VOCABULARY, END));
    assertTrue(error.getMessage().contains("#/properties/x") && error.getMessage().contains("pattern"),
        error.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> JsonSchemaConstraints.compile("{\"type\":\"object\",\"required\":[\"y\"]}", VOCABULARY, END));
  }

  @Test
  void masksBlockIdsPastTheVocabularyAndOnlyTheEndTokenFollowsADocument() {
    LogitsConstraint constraint =
        JsonSchemaConstraints.compile("{\"type\":\"boolean\"}", VOCABULARY, END).newConstraint();
    float[] logits = new float[VOCABULARY.size() + 10];
    constraint.maskLogits(logits);
    assertEquals(Float.NEGATIVE_INFINITY, logits[VOCABULARY.size() + 5]);
    for (byte b : "true".getBytes(StandardCharsets.UTF_8)) {
      constraint.accept(SyntheticByteVocabulary.SPECIAL_TOKENS + b);
    }
    assertTrue(constraint.isComplete());
    float[] after = new float[VOCABULARY.size()];
    constraint.maskLogits(after);
    for (int id = 0; id < after.length; id++) {
      assertEquals(id == END, after[id] != Float.NEGATIVE_INFINITY, "token " + id + " after the document");
    }
    constraint.accept(END);
    assertThrows(IllegalStateException.class, () -> constraint.maskLogits(new float[VOCABULARY.size()]));
  }

  @Test
  void aTightBudgetClosesTheDocumentInTime() throws Exception {
    String schema = """
        {"type":"object","properties":{"text":{"type":"string"},"n":{"type":"integer"}},"required":["text","n"]}""";
    JsonSchemaConstraints constraints = JsonSchemaConstraints.compile(schema, VOCABULARY, END);
    assertThrows(IllegalArgumentException.class, () -> constraints.newConstraint(constraints.minimumTokenBudget() - 1));
    int budget = 30;
    LogitsConstraint constraint = constraints.newConstraint(budget);
    // a model that would rather write words forever: every step it prefers the longest word tokens
    StringBuilder text = new StringBuilder();
    int tokens = 0;
    while (!constraint.isComplete()) {
      float[] logits = new float[VOCABULARY.size()];
      for (int id = 0; id < logits.length; id++) {
        byte[] bytes = VOCABULARY.tokenBytes(id);
        boolean word = bytes != null && new String(bytes, StandardCharsets.UTF_8).matches(" ?[a-z]+");
        logits[id] = word ? bytes.length : 0;
      }
      constraint.maskLogits(logits);
      int best = 0;
      for (int id = 1; id < logits.length; id++) {
        best = logits[id] > logits[best] ? id : best;
      }
      constraint.accept(best);
      text.append(new String(VOCABULARY.tokenBytes(best), StandardCharsets.UTF_8));
      tokens++;
    }
    assertTrue(tokens <= budget, tokens + " tokens: " + text);
    assertTrue(new ObjectMapper().readTree(text.toString()).get("text").asText().length() > 20, text.toString());
  }

  @Test
  void masksAreSharedAcrossGenerations() {
    JsonSchemaConstraints constraints =
        JsonSchemaConstraints.compile(ConstrainedGenerationTest.NESTED_SCHEMA, VOCABULARY, END);
    RandomLogitsDecoder decoder = new RandomLogitsDecoder(VOCABULARY, VOCABULARY.size(), END);
    Random random = new Random(3);
    decoder.decode(constraints.newConstraint(), random, 10_000);
    int afterOne = constraints.cachedStates();
    for (int i = 0; i < 20; i++) {
      decoder.decode(constraints.newConstraint(), random, 10_000);
    }
    // later documents mostly meet states seen before: far fewer new masks than steps
    assertTrue(constraints.cachedStates() < afterOne * 20, afterOne + " -> " + constraints.cachedStates());
  }
}
