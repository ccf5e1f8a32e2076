package io.sluice.synth.gate;

/** The dead-letter kinds of the synthesis gate (stage {@value #STAGE}); summaries group rejections by them. */
public final class GateErrorKinds {
  public static final String STAGE = "gate";
  /** The text holds PII the generator did not inject. */
  public static final String PII_LEAK = "PII_LEAK";
  /** The text is a near copy of a source-corpus document. */
  public static final String NEAR_DUPLICATE_SOURCE = "NEAR_DUPLICATE_SOURCE";
  /** The text is a near copy of a record with a lower index. */
  public static final String NEAR_DUPLICATE_OUTPUT = "NEAR_DUPLICATE_OUTPUT";
  /** The normalised text equals that of a record with a lower index. */
  public static final String EXACT_DUPLICATE = "EXACT_DUPLICATE";
  /** Another record has the same index and a different text (a generator bug: indexes are unique). */
  public static final String DUPLICATE_INDEX = "DUPLICATE_INDEX";
  /** The PII scan failed on the record (a recognizer threw). */
  public static final String SCAN_FAILED = "GATE_SCAN_FAILED";

  /** Every kind, in the order summaries list them. */
  public static final java.util.List<String> ALL =
      java.util.List.of(PII_LEAK, NEAR_DUPLICATE_SOURCE, EXACT_DUPLICATE, DUPLICATE_INDEX, NEAR_DUPLICATE_OUTPUT,
          SCAN_FAILED);

  private GateErrorKinds() {}
}
