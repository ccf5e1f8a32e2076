package io.sluice.extract;

/** Names of the Beam metrics (namespace {@code sluice}) and dead-letter kinds of the {@link Extract} transform. */
public final class ExtractMetrics {
  /** Documents that became a typed record. */
  public static final String RECORDS_EXTRACTED = "records_extracted";
  /** Optional fields set to null because their value could not be normalised, in total... */
  public static final String FIELDS_NULLED = "fields_nulled";
  /** ...and per field: {@code fields_nulled.total}. */
  public static final String FIELDS_NULLED_PREFIX = "fields_nulled.";
  public static final String BATCH_MS = "extract_batch_ms";

  /** Dead-letter kinds. */
  public static final String MISSING_FIELD = "MISSING_FIELD";
  public static final String NOT_NORMALISED = "NOT_NORMALISED";
  public static final String EXTRACTION_FAILED = "EXTRACTION_FAILED";

  private ExtractMetrics() {}
}
