package io.sluice.pii.operators;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of (purpose, entity type, canonical value) under one secret key.
 *
 * <p>The purpose separates uses of one key: the hash operator's pseudonym and the surrogate's seed are
 * unrelated even for the same value. The entity type is part of the input so that the same digits seen
 * as a phone number and as a bank number do not share a pseudonym. {@link Mac} is not thread-safe, so
 * each thread gets its own instance; the key bytes never leave this object.
 */
final class KeyedDigest {
  private static final String ALGORITHM = "HmacSHA256";

  private final ThreadLocal<Mac> macs;

  KeyedDigest(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
    newMac(spec); // fail now, not on the first record, if the JVM lacks HmacSHA256
    this.macs = ThreadLocal.withInitial(() -> newMac(spec));
  }

  byte[] digest(String purpose, String entityType, String original) {
    String input = purpose + '\u0000' + entityType + '\u0000' + CanonicalValue.of(entityType, original);
    return macs.get().doFinal(input.getBytes(StandardCharsets.UTF_8));
  }

  private static Mac newMac(SecretKeySpec spec) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(spec);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "KeyedDigest[" + ALGORITHM + "]";
  }
}
