package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.transforms.ErrorKinds;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming parser gives what a JSON tree of the line would: the cases where a token stream could differ. Every
 * line is parsed both by Jackson alone and with the fast path for lines of strings ({@link StringObjectScanner}),
 * which must give the same document or dead letter.
 */
class JsonlLineParserTest {
  private final JsonlLineParser parser = new JsonlLineParser(ReadSettings.defaults());

  private JsonlLineParser.Parsed parse(String line) {
    JsonlLineParser.Parsed byJackson = parser.parse(line, "in.jsonl:1", false);
    boolean controlFree = line.chars().noneMatch(c -> c < 0x20);
    assertEquals(byJackson, parser.parse(line, "in.jsonl:1", controlFree), line);
    return byJackson;
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
      }
    }
  }
}
