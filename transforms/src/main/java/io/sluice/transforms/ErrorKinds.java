package io.sluice.transforms;

/** Stable dead-letter kinds that reports group by; add new ones here so names stay consistent. */
public final class ErrorKinds {
  public static final String MALFORMED_JSON = "MALFORMED_JSON";
  public static final String MISSING_ID = "MISSING_ID";
  public static final String MISSING_TEXT = "MISSING_TEXT";
  public static final String NON_STRING_TEXT = "NON_STRING_TEXT";
  public static final String INVALID_UTF8 = "INVALID_UTF8";
  public static final String EMPTY_TEXT = "EMPTY_TEXT";
  public static final String TOO_LARGE = "TOO_LARGE";
  public static final String UNREADABLE_FILE = "UNREADABLE_FILE";
  public static final String WRONG_SCHEMA = "WRONG_SCHEMA";
  public static final String DETECTION_FAILED = "DETECTION_FAILED";
  public static final String REDACTION_FAILED = "REDACTION_FAILED";
  public static final String MODERATION_FAILED = "MODERATION_FAILED";

  private ErrorKinds() {}
}
