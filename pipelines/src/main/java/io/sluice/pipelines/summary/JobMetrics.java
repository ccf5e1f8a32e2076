package io.sluice.pipelines.summary;

/**
 * Names of the Beam counters the job itself reports in namespace {@value #NAMESPACE}, next to the
 * transforms' counters. Counts are read back from the
 * pipeline result (attempted values, which every runner reports) to build the run summary.
 */
public final class JobMetrics {
  public static final String NAMESPACE = io.sluice.transforms.SluiceMetrics.NAMESPACE;

  /** Every input record a reader saw: documents plus records it dead-lettered. */
  public static final String RECORDS_READ = "records_read";
  public static final String DOCUMENTS_WRITTEN = "documents_written";
  /** Typed records written to records/ by an extraction or synthesis job. */
  public static final String RECORDS_WRITTEN = "records_written";
  /** Documents written to quarantine/ by moderation; also counted in {@link #DOCUMENTS_WRITTEN}. */
  public static final String DOCUMENTS_QUARANTINED = "documents_quarantined_written";
  public static final String DEAD_LETTERS_WRITTEN = "dead_letters_written";
  public static final String FINDINGS_WRITTEN = "findings_written";
  /** Code points of written documents. */
  public static final String CHARACTERS_WRITTEN = "characters_written";

  /**
   * Prefixes of counters keyed by a value: entity type, detector, dead-letter kind. They count what was
   * written, so they differ from the transforms' own (detection-side) names in the same namespace.
   */
  public static final String FINDINGS_BY_ENTITY = "findings_written.";
  public static final String FINDINGS_BY_DETECTOR = "findings_written_by_detector.";
  public static final String DEAD_LETTERS_BY_KIND = "dead_letters_written.";

  private JobMetrics() {}
}
