package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.schemas.Document;
import io.sluice.transforms.ErrorKinds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The streaming parser gives what a JSON tree of the line would: the cases where a token stream could differ. Every
 * line is parsed both by Jackson and by the fast path for lines of strings read from their UTF-8 bytes
 * ({@link JsonlLineParser#parseObjectOfStrings}), which must give the same document whenever it gives one.
 */
class JsonlLineParserTest {
  private static final String SOURCE = "in.jsonl:1";
  private final JsonlLineParser parser = new JsonlLineParser(ReadSettings.defaults());
  private final StrictUtf8 utf8 = new StrictUtf8();

  /** What Jackson reads in the line, checked against the fast path's document when it makes one. */
  private JsonlLineParser.Parsed parse(String line) {
    JsonlLineParser.Parsed byJackson = parser.parse(line, SOURCE);
    assertSameWhenFast(line.getBytes(StandardCharsets.UTF_8));
    return byJackson;
  }

  /** The fast path's document of the line's bytes, or null; a document must be what the general path reads. */
  private Document fast(String line) {
    return assertSameWhenFast(line.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@code JsonlReadFn}: the fast path where it answers, else a strict decoding of the line, then Jackson. */
  private Document assertSameWhenFast(byte[] bytes) {
    boolean controlFree = IntStream.range(0, bytes.length).noneMatch(i -> bytes[i] >= 0 && bytes[i] < 0x20);
    Document fast = controlFree ? parser.parseObjectOfStrings(bytes, bytes.length, SOURCE) : null;
    if (fast != null) {
      String decoded = assertDoesNotThrow(() -> utf8.decode(bytes), "the fast path read invalid UTF-8");
      assertEquals(parser.parse(decoded, SOURCE).document(), fast, decoded);
    }
    return fast;
  }

  @Test
  void numericIdsKeepTheDecimalFormOfTheTreeNodes() {
    assertEquals("12345678901234567890", parse("{\"id\":12345678901234567890,\"text\":\"x\"}").document().getId());
    assertEquals("0", parse("{\"id\":-0,\"text\":\"x\"}").document().getId());
    assertEquals("1500.0", parse("{\"id\":1.5e3,\"text\":\"x\"}").document().getId());
  }

  @Test
  void theLastOccurrenceOfAFieldWinsAndNestedFieldsAreIgnored() {
    JsonlLineParser.Parsed parsed =
        parse("{\"id\":{},\"id\":\"b\",\"text\":\"first\",\"meta\":{\"id\":\"no\",\"text\":[1,{\"x\":2}]},\"text\":\"last\"}");
    assertEquals("b", parsed.document().getId());
    assertEquals("last", parsed.document().getText());
    assertEquals(ErrorKinds.MISSING_ID, parse("{\"id\":\"b\",\"id\":[1],\"text\":\"x\"}").deadLetter().getErrorKind());
  }

  @Test
  void trailingTokensAndNonObjectsAreMalformedWithTheTreeReadersColumn() {
    JsonlLineParser.Parsed trailing = parse("{\"id\":\"a\",\"text\":\"x\"} {}");
    assertNull(trailing.document());
    assertEquals(ErrorKinds.MALFORMED_JSON, trailing.deadLetter().getErrorKind());
    assertEquals("not valid JSON at column 23", trailing.deadLetter().getMessage());
    assertEquals("line is not a JSON object", parse("[1,{\"id\":\"a\"}]").deadLetter().getMessage());
    assertEquals(ErrorKinds.MALFORMED_JSON, parse("[1,2").deadLetter().getErrorKind());
  }

  @Test
  void textsWithEscapesAreDecodedAndLaterFieldsStillChecked() {
    assertEquals("a\n\"b\" \\ é 😀 \uD83D", parse(
        "{\"id\":\"a\",\"text\":\"a\\n\\\"b\\\" \\\\ \\u00e9 😀 \\ud83d\",\"n\":\"\\\"\"}").document().getText());
    assertEquals(ErrorKinds.EMPTY_TEXT, parse("{\"id\":\"a\",\"text\":\"\\n\\t \"}").deadLetter().getErrorKind());
    assertEquals(ErrorKinds.MALFORMED_JSON, parse("{\"id\":\"a\",\"text\":\"bad \\x escape\"}").deadLetter().getErrorKind());
    assertEquals(ErrorKinds.MALFORMED_JSON, parse("{\"id\":\"a\",\"text\":\"raw \u0001 control\"}").deadLetter().getErrorKind());
    assertEquals(ErrorKinds.MISSING_TEXT, parse("{\"id\":\"a\",\"text\":\"x\",\"text\":null}").deadLetter().getErrorKind());
  }

  @Test
  void linesOfStringsThatMakeADocumentTakeTheFastPath() {
    assertEquals("a\n\"b\" \\ é — 😀 é — 😀", fast(
        "{\"id\":\"a\",\"text\":\"a\\n\\\"b\\\" \\\\ é — 😀 \\u00e9 \\u2014 \\ud83d\\ude00\"}").getText());
    assertEquals(SOURCE, fast("{\"text\":\"only text\"}").getId());
    assertEquals("Zoë", fast(" { \"title\" : \"Café \\u00e9\" , \"id\":\"Zo\\u00eb\",\"text\" :\"x\"  }  ").getId());
    assertEquals("x", fast("{\"id\":\"a\",\"texte\":\"Café\",\"text\":\"x\"}").getText(), "a key longer than text's");
  }

  @Test
  void otherLinesAreLeftToTheGeneralPath() {
    for (String line : List.of("{\"id\":\"a\",\"text\":\"lone \\ud83d surrogate\"}",
        "{\"id\":\"a\",\"text\":\"\\udc00 lone low\"}", "{\"id\":\"a\",\"text\":\"real \uFFFD replacement\"}",
        "{\"id\":\"a\",\"text\":\"\\ufffd escaped\"}", "{\"id\":\"\uFFFD\",\"text\":\"x\"}",
        "{\"n\":\"\uFFFD\",\"text\":\"x\"}", "{\"id\":\"a\",\"text\":\" \\n\\t \"}", "{\"id\":\"a\"}",
        "{\"id\":1,\"text\":\"x\"}", "{\"id\":\"a\",\"text\":\"x\",\"n\":2}", "[\"text\"]", "{\"text\":\"tab\tin\"}")) {
      assertNull(fast(line), line);
    }
  }

  @Test
  void invalidUtf8NeverTakesTheFastPath() {
    Random random = new Random(11);
    byte[] valid = "{\"id\":\"é1\",\"k\":\"ü\",\"text\":\"a — b \\n 😀 c\"}".getBytes(StandardCharsets.UTF_8);
    byte[] mutants = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE2, (byte) 0xED, (byte) 0xF0,
        (byte) 0xF5, (byte) 0xFF, 'x', '"', '\\'};
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = valid.clone();
      for (int m = 1 + random.nextInt(2); m > 0; m--) {
        bytes[random.nextInt(bytes.length)] = mutants[random.nextInt(mutants.length)];
      }
      assertSameWhenFast(bytes);
    }
  }

  @Test
  void linesOfStringsTakeTheFastPathAndEverythingElseJackson() {
    assertEquals("b", parse("{ \"x\" : \"\\u0041\" , \"id\":\"b\",\"text\" :\"t\\\"\"  }  ").document().getId());
    assertEquals("in.jsonl:1", parse("{\"text\":\"only text\"}").document().getId());
    assertEquals(ErrorKinds.MISSING_TEXT, parse("{}").deadLetter().getErrorKind());
    assertEquals(ErrorKinds.MISSING_TEXT, parse(" { } ").deadLetter().getErrorKind());
    for (String malformed : List.of("{", "{\"id\"", "{\"id\":", "{\"id\":\"a\"", "{\"id\":\"a\",}", "{,\"id\":\"a\"}",
        "{\"id\":\"a\" \"text\":\"b\"}", "{\"id\":\"a\\u12g4\",\"text\":\"b\"}", "{\"id\":\"a\\", "{\"text\":\"b\"}}",
        "{\"te\\u0078t\":\"escaped key\"}", "{\"id\":'a',\"text\":\"b\"}", "\uFEFF{\"text\":\"bom\"}", "{\"text\":\"b\"} x",
        "{\"text\":\"\\u00e\"}", "{\"text\":\"\\u１２３４\"}", "{\"text\":\"b\"}\t", "{\"text\":\"tab\tin\"}")) {
      parse(malformed); // compares both paths
    }
  }

  @Test
  void randomLinesGiveTheSameResultBothWays() {
    Random random = new Random(5);
    String[] pieces = {"{", "}", "[", "]", ":", ",", " ", "\t", "\"", "\\", "\\n", "\\\"", "\\u00e9", "\\u12", "\\x",
        "\"id\"", "\"text\"", "\"other\"", "\"a b\"", "12", "-0.5e3", "true", "null", "é", "😀", "\u0001", "x"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder();
      if (random.nextBoolean()) {
        // Mostly well-formed objects of strings, with a mutation now and then.
        line.append("{\"id\":\"d").append(i).append("\",\"text\":\"");
        for (int p = random.nextInt(6); p > 0; p--) {
          line.append(pieces[random.nextInt(pieces.length)]);
        }
        line.append("\"}");
        if (random.nextInt(3) == 0) {
          line.insert(random.nextInt(line.length() + 1), pieces[random.nextInt(pieces.length)]);
        }
      } else {
        for (int p = 1 + random.nextInt(12); p > 0; p--) {
          line.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      if (!line.toString().isBlank()) {
        parse(line.toString());
        parse(line.toString().replace("id", "i\u00e9")); // keys and values that are not ASCII
      }
    }
  }
}
