package io.sluice.pii.operators;

import io.sluice.pii.operators.surrogate.SurrogateGenerator;
import java.nio.ByteBuffer;

/**
 * Consistent realistic fake: the generator is seeded from HMAC(key, entity type + canonical original),
 * so one original gets one fake across the whole corpus and across runs with one key, and nobody without
 * the key can tell which original a fake stands for.
 */
public final class SurrogateOperator implements Operator {
  private static final String PURPOSE = "surrogate";

  private final KeyedDigest digest;
  private final SurrogateGenerator generator;

  SurrogateOperator(KeyedDigest digest, SurrogateGenerator generator) {
    this.digest = digest;
    this.generator = generator;
  }

  /**
   * A surrogate operator under a key given directly rather than through a policy's {@link KeyRing}: for
   * callers that derive keys themselves (de-identified copies use one per document when no corpus key is set).
   */
  public static Operator keyed(byte[] key, SurrogateGenerator generator) {
    return new SurrogateOperator(new KeyedDigest(key), generator);
  }

  @Override
  public String name() {
    return OperatorTypes.SURROGATE;
  }

  @Override
  public String apply(String entityType, String original) {
    long seed = ByteBuffer.wrap(digest.digest(PURPOSE, entityType, original)).getLong();
    return generator.generate(entityType, original, seed);
  }
}
