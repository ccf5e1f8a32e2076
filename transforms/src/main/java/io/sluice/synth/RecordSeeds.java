package io.sluice.synth;

/**
 * Seeds derived from the spec seed and a record index only, never from the worker, bundle or order, so a record
 * is the same whatever runner or parallelism generated it. SplitMix64 finalizers spread neighbouring indices
 * over unrelated seeds.
 */
public final class RecordSeeds {
  private RecordSeeds() {}

  /** The seed of record {@code index} under {@code specSeed}. */
  public static long of(long specSeed, long index) {
    return mix(specSeed ^ mix(index + 0x9E3779B97F4A7C15L));
  }

  /** The seed of one field of a record: fields draw from their own streams, so adding a field changes no other. */
  public static long ofField(long recordSeed, int fieldOrdinal) {
    return mix(recordSeed + 0x632BE59BD9B4E019L * (fieldOrdinal + 1));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
