package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
  private final StrictUtf8 utf8 = new StrictUtf8();

  @Test
  void validTextComesBackAsWrittenEvenWhenItHoldsTheReplacementChar() throws CharacterCodingException {
    for (String text : new String[] {"plain ascii", "café – 😀 ok", "a real \uFFFD in the text", ""}) {
      assertEquals(text, utf8.decode(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void invalidSequencesAreRefused() {
    // Truncated, stray continuation, overlong '/', encoded surrogate, above U+10FFFF, invalid lead byte.
    for (String hex : new String[] {"61e282", "6180", "c0af", "eda080", "f4908080", "ff"}) {
      byte[] bytes = HexFormat.of().parseHex(hex);
      assertThrows(CharacterCodingException.class, () -> utf8.decode(bytes), hex);
    }
  }

  @Test
  void agreesWithTheStrictDecoderOnRandomBytes() throws CharacterCodingException {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(12)];
      for (int j = 0; j < bytes.length; j++) {
        // Mostly bytes that make or break multi-byte sequences.
        bytes[j] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
      }
      String expected = strictOrNull(bytes);
      if (expected == null) {
        assertThrows(CharacterCodingException.class, () -> utf8.decode(bytes), HexFormat.of().formatHex(bytes));
      } else {
        assertEquals(expected, utf8.decode(bytes), HexFormat.of().formatHex(bytes));
      }
    }
  }

  private static String strictOrNull(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
