package io.sluice.pipelines.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses invalid bytes instead of replacing them with U+FFFD, so a corrupt record
 * becomes a dead letter rather than silently altered text. One instance per thread (decoders keep state).
 *
 * <p>Bytes are first decoded by {@code new String(bytes, UTF_8)}, which the JVM vectorizes and which is several
 * times faster than a {@link CharsetDecoder}: it replaces exactly the sequences the strict decoder refuses (both are
 * the JDK's UTF-8 decoder: overlong forms, surrogates and truncated sequences are malformed to both) with U+FFFD.
 * So a result without U+FFFD is what the strict decoder returns, and only texts holding U+FFFD, invalid or not, are
 * decoded again strictly.
 */
final class StrictUtf8 {
  private static final char REPLACEMENT = '\uFFFD';

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * The text when the JDK's vectorized decoding alone settles it: the bytes are valid UTF-8 and hold no U+FFFD. Null
   * otherwise, for invalid bytes and for a real U+FFFD alike, which only {@link #decode} tells apart.
   */
  static String decodeWithoutReplacement(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    return text.indexOf(REPLACEMENT) < 0 ? text : null;
  }

  /** The text, or throws when the bytes are not valid UTF-8. */
  String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
    String text = decodeWithoutReplacement(bytes, offset, length);
    if (text != null) {
      return text;
    }
    decoder.reset();
    return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
  }

  String decode(byte[] bytes) throws CharacterCodingException {
    return decode(bytes, 0, bytes.length);
  }
}
