package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.transforms.ErrorKinds;
import org.junit.jupiter.api.Test;

/** The streaming parser gives what a JSON tree of the line would: the cases where a token stream could differ. */
class JsonlLineParserTest {
  private final JsonlLineParser parser = new JsonlLineParser(ReadSettings.defaults());

  private JsonlLineParser.Parsed parse(String line) {
    return parser.parse(line, "in.jsonl:1");
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
}
