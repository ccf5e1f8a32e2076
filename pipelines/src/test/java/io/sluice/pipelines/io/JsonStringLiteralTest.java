package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoding a literal gives what Jackson's {@code getText()} gives, for every escape and wherever it stands; from a
 * line's UTF-8 bytes too, except for the values that path leaves to a strict decoding of the whole line (null).
 */
class JsonStringLiteralTest {
  private static final JsonFactory JSON = new JsonFactory();
  /** Characters that matter to a JSON string: quotes, backslashes, controls, non-Latin-1, surrogates. */
  private static final char[] SPECIAL = {'"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 1, 0x1f, 'é', '—', '\uFFFD',
      '\uD83D', '\uDE00', 'u', '0'};

  @Test
  void everyEscapeAsJacksonDecodesIt() throws IOException {
    for (String literal : List.of("\"\"", "\"plain\"", "\"a\\nb\"", "\"\\\"\"", "\"\\\\\"", "\"end\\\\\"",
        "\"\\\"quoted\\\" and \\\\\\\" mixed\"", "\"\\/\\b\\f\\r\\t\\n\"", "\"\\u00e9\\u2014\\ud83d\\ude00\\uFFFD\"",
        "\"lone \\ud83d surrogate\"", "\"a pair \\ud83d\\ude00 and \\u00e9\"", "\"\\u0022 is a quote, \\u005c a backslash\"", "\"— non-Latin-1 \\n 😀\"")) {
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
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    if (!new String(bytes, StandardCharsets.UTF_8).equals(line)) {
      return; // a lone surrogate in the line itself: its UTF-8 bytes are not this line
    }
    try (JsonParser parser = JSON.createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          int quote = Math.toIntExact(parser.getTokenLocation().getByteOffset());
          int closingQuote = quote + 1;
          boolean escaped = false;
          while (bytes[closingQuote] != '"') {
            escaped |= bytes[closingQuote] == '\\';
            closingQuote += bytes[closingQuote] == '\\' ? 2 : 1;
          }
          String text = parser.getText();
          boolean leftToStrictDecoding = text.indexOf('\uFFFD') >= 0 || hasLoneSurrogate(text);
          assertEquals(leftToStrictDecoding ? null : text,
              JsonStringLiteral.decodeUtf8(bytes, quote, closingQuote, escaped, new byte[bytes.length]), line);
        }
      }
    }
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
