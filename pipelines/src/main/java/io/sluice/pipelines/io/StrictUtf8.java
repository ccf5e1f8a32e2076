package io.sluice.pipelines.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses invalid bytes instead of replacing them with U+FFFD, so a corrupt record
 * becomes a dead letter rather than silently altered text. One instance per thread (decoders keep state).
 */
final class StrictUtf8 {
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** The text, or throws when the bytes are not valid UTF-8. */
  String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
    decoder.reset();
    return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
  }

  String decode(byte[] bytes) throws CharacterCodingException {
    return decode(bytes, 0, bytes.length);
  }
}
