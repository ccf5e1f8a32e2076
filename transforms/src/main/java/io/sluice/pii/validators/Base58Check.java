package io.sluice.pii.validators;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Bitcoin's Base58Check: base-58 text whose last four decoded bytes are the first four bytes of
 * SHA-256(SHA-256(rest)). Legacy (P2PKH, version 0x00, "1...") and script (P2SH, 0x05, "3...") addresses.
 */
public final class Base58Check {

  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEX = new int[128];

  static {
    Arrays.fill(INDEX, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEX[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58Check() {}

  /** True for a Base58Check mainnet P2PKH or P2SH address with a correct checksum. */
  public static boolean isValidBitcoinAddress(String address) {
    byte[] decoded = decode(address);
    if (decoded == null || decoded.length != 25 || (decoded[0] != 0x00 && decoded[0] != 0x05)) {
      return false;
    }
    return hasValidChecksum(decoded);
  }

  /** True when the last four bytes are the double-SHA-256 checksum of the others. */
  static boolean hasValidChecksum(byte[] decoded) {
    byte[] payload = Arrays.copyOf(decoded, decoded.length - 4);
    byte[] hash = sha256(sha256(payload));
    for (int i = 0; i < 4; i++) {
      if (hash[i] != decoded[decoded.length - 4 + i]) {
        return false;
      }
    }
    return true;
  }

  /** Base-58 decoding with leading '1's as zero bytes; null on a char outside the alphabet. */
  static byte[] decode(String text) {
    if (text.isEmpty()) {
      return null;
    }
    // Big-endian base-256 number built digit by digit; 58^n < 256^(n*0.733), so this size suffices.
    byte[] number = new byte[text.length()];
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = c < 128 ? INDEX[c] : -1;
      if (digit < 0) {
        return null;
      }
      int carry = digit;
      for (int j = 0; j < used || carry != 0; j++) {
        int pos = number.length - 1 - j;
        carry += (j < used ? (number[pos] & 0xff) * 58 : 0);
        number[pos] = (byte) carry;
        carry >>>= 8;
        used = Math.max(used, j + 1);
      }
    }
    int leadingZeros = 0;
    while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
      leadingZeros++;
    }
    int significantStart = number.length - used;
    while (significantStart < number.length && number[significantStart] == 0) {
      significantStart++;
    }
    byte[] out = new byte[leadingZeros + number.length - significantStart];
    System.arraycopy(number, significantStart, out, leadingZeros, number.length - significantStart);
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
