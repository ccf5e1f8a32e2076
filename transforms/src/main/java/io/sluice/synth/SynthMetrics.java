package io.sluice.synth;

/** Counter names of the synthesis transforms, in namespace {@value io.sluice.transforms.SluiceMetrics#NAMESPACE}. */
public final class SynthMetrics {
  /** Records the generators built (before the gate): generated = written + rejected + failed. */
  public static final String GENERATED = "records_generated";
  /** Dead-letter kind of a record whose generation failed (at run time: an int overflow, a missing lookup row). */
  public static final String GENERATION_FAILED = "GENERATION_FAILED";
  static final String STAGE = "synthesize";

  private SynthMetrics() {}
}
