package io.sluice.transforms;

import io.sluice.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@link DeadLetter} records the same way at every stage: the raw input is kept, bounded, so a
 * record can be inspected and replayed without a 20 MB document landing in the dead-letter files.
 */
public final class DeadLetters {

  /** How much of the raw input a dead letter keeps. */
  public static final int RAW_LIMIT_CHARS = 4096;

  private DeadLetters() {}

  /**
   * A dead letter for a record whose raw form is text.
   *
   * @param recordId the record's id when it could be read, else null
   * @param source file and line or row, else null
   * @param stage read, detect, redact, ...
   * @param errorKind stable upper-case kind, e.g. MALFORMED_JSON
   * @param message reason for a human; must not contain document text
   * @param raw the raw input, or null
   */
  public static DeadLetter of(
      String recordId, String source, String stage, String errorKind, String message, String raw) {
    long rawSize = raw == null ? 0 : raw.getBytes(StandardCharsets.UTF_8).length;
    return build(recordId, source, stage, errorKind, message, bounded(raw), rawSize);
  }

  /**
   * A dead letter for a record whose raw form is bytes that may not be valid UTF-8; undecodable bytes
   * are shown as U+FFFD in the bounded copy.
   */
  public static DeadLetter ofBytes(
      String recordId, String source, String stage, String errorKind, String message, byte[] raw) {
    String head = null;
    if (raw != null) {
      int take = Math.min(raw.length, RAW_LIMIT_CHARS * 4);
      head = bounded(new String(raw, 0, take, StandardCharsets.UTF_8));
    }
    return build(recordId, source, stage, errorKind, message, head, raw == null ? 0 : raw.length);
  }

  private static DeadLetter build(
      String recordId, String source, String stage, String errorKind, String message, String raw, long rawSize) {
    return DeadLetter.newBuilder()
        .setRecordId(recordId)
        .setSource(source)
        .setStage(stage)
        .setErrorKind(errorKind)
        .setMessage(message)
        .setRaw(raw)
        .setRawSize(rawSize)
        .build();
  }

  private static String bounded(String raw) {
    if (raw == null || raw.length() <= RAW_LIMIT_CHARS) {
      return raw;
    }
    int cut = RAW_LIMIT_CHARS;
    // Do not split a surrogate pair: the copy must stay valid UTF-16 to be written as Avro/Parquet.
    if (Character.isHighSurrogate(raw.charAt(cut - 1))) {
      cut--;
    }
    return raw.substring(0, cut);
  }
}
