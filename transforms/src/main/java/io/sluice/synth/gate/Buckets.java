package io.sluice.synth.gate;

/**
 * The gate groups by bucket, not by record, text or band key: values carry their own key and each group is
 * sorted out in memory. One group per record would be correct too, but some runners pay per key (the
 * DirectRunner runs every key of a GroupByKey as its own bundle, milliseconds each), and {@value #COUNT} groups
 * still spread the work over more workers than a job has. A group holds about 1/{@value #COUNT} of a step's
 * input: for a million records, some 8,000 records or 250,000 band entries.
 */
final class Buckets {
  static final int COUNT = 128;

  private Buckets() {}

  /** The bucket of a key; keys are mixed first, since indexes are consecutive and hashes may share low bits. */
  static int of(long key) {
    return (int) Long.remainderUnsigned(TextTokens.mix(key ^ 0x6a09e667f3bcc909L), COUNT);
  }
}
