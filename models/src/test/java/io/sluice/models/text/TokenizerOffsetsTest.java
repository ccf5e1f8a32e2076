package io.sluice.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.models.runtime.EmbeddedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenizerOffsetsTest {
  private static TextTokenizer tokenizer;

  @BeforeAll
  static void load() throws Exception {
    tokenizer = TextTokenizer.fromStream(EmbeddedModel.ALL_MINILM_L6_V2.openTokenizer(), 0);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void offsetsAreCodePointsAfterNonBmpCharacters() {
    String text = "😀 Anna 𝄞 lives";
    TokenizedText t = tokenizer.tokenize(text);
    // "😀" and "𝄞" are one code point (two UTF-16 chars) each
    assertArrayEquals(new int[] {0, 2, 7, 9}, t.starts());
    assertArrayEquals(new int[] {1, 6, 8, 14}, t.ends());
    assertEquals("Anna", text.substring(text.offsetByCodePoints(0, 2), text.offsetByCodePoints(0, 6)));
  }

  @Test
  void specialTokensComeFromTheTokenizersTemplateAndNoTruncationHappens() {
    assertArrayEquals(new long[] {101}, tokenizer.prefix());
    assertArrayEquals(new long[] {102}, tokenizer.suffix());
    // MiniLM's tokenizer.json truncates at 128 tokens; ours must not
    String longText = "word ".repeat(600);
    assertEquals(600, tokenizer.tokenize(longText).size());
  }
}
