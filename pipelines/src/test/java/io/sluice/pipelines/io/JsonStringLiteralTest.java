package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding a literal gives what Jackson's {@code getText()} gives, for every escape and wherever it stands. */
class JsonStringLiteralTest {
  private static final JsonFactory JSON = new JsonFactory();
  /** Characters that matter to a JSON string: quotes, backslashes, controls, non-Latin-1, surrogates. */
  private static final char[] SPECIAL = {'"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 1, 0x1f, 'é', '—', '\uFFFD',
      '\uD83D', '\uDE00', 'u', '0'};

  @Test
  void everyEscapeAsJacksonDecodesIt() throws IOException {
    for (String literal : List.of("\"\"", "\"plain\"", "\"a\\nb\"", "\"\\\"\"", "\"\\\\\"", "\"end\\\\\"",
        "\"\\\"quoted\\\" and \\\\\\\" mixed\"", "\"\\/\\b\\f\\r\\t\\n\"", "\"\\u00e9\\u2014\\ud83d\\ude00\\uFFFD\"",
        "\"lone \\ud83d surrogate\"", "\"\\u0022 is a quote, \\u005c a backslash\"", "\"— non-Latin-1 \\n 😀\"")) {
      assertDecodesAsJackson("{\"id\":\"x\",\"text\":" + literal + ",\"after\":\"\\\"more\\\"\"}");
      assertDecodesAsJackson("  { \"text\" :  " + literal + " } ");
    }
  }

  @Test
  void randomTextsAsJacksonDecodesThem() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(i % 100 == 0 ? 40_000 : 60); // some longer than Jackson's 32k-char buffer
      for (int c = 0; c < length; c++) {
        text.append(random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (char) ('a' + random.nextInt(26)));
      }
      assertDecodesAsJackson(mapper.writeValueAsString(java.util.Map.of("id", "r" + i, "text", text.toString())));
    }
  }

  /** Decodes every string value of the line at the offset Jackson reports, and compares with Jackson's text. */
  private static void assertDecodesAsJackson(String line) throws IOException {
    try (JsonParser parser = JSON.createParser(line)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          int quote = Math.toIntExact(parser.getTokenLocation().getCharOffset());
          assertEquals(parser.getText(), JsonStringLiteral.decode(line, quote), line);
        }
      }
    }
  }
}
