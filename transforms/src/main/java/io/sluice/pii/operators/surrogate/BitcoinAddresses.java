package io.sluice.pii.operators.surrogate;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;

/**
 * Fake Bitcoin addresses of the original's kind. Legacy ({@code 1...}) and script ({@code 3...}) addresses
 * are real Base58Check encodings with a valid checksum; bech32 ({@code bc1...}) fakes keep the prefix,
 * length and alphabet but not the bech32 checksum.
 */
final class BitcoinAddresses {
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int HASH160_BYTES = 20;

  private BitcoinAddresses() {}

  static String fake(String original, Random random) {
    if (original.regionMatches(true, 0, "bc1", 0, 3)) {
      StringBuilder out = new StringBuilder(original.substring(0, 3));
      for (int i = 3; i < original.length(); i++) {
        out.append(BECH32.charAt(random.nextInt(BECH32.length())));
      }
      return out.toString();
    }
    byte version = original.startsWith("3") ? (byte) 0x05 : (byte) 0x00;
    byte[] payload = new byte[1 + HASH160_BYTES];
    random.nextBytes(payload);
    payload[0] = version;
    byte[] checksum = Arrays.copyOf(sha256(sha256(payload)), 4);
    byte[] full = Arrays.copyOf(payload, payload.length + checksum.length);
    System.arraycopy(checksum, 0, full, payload.length, checksum.length);
    return base58(full);
  }

  /** Base58 of the bytes, each leading zero byte written as '1', as Bitcoin defines it. */
  private static String base58(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(BASE58.length());
    while (value.signum() > 0) {
      BigInteger[] quotientAndRemainder = value.divideAndRemainder(base);
      out.append(BASE58.charAt(quotientAndRemainder[1].intValue()));
      value = quotientAndRemainder[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
