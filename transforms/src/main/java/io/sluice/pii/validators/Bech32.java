package io.sluice.pii.validators;

import java.util.Locale;

/**
 * Bitcoin SegWit addresses (BIP-173 bech32 for witness version 0, BIP-350 bech32m for versions 1-16):
 * human-readable part "bc", separator '1', data in the 32-char alphabet, six-char BCH checksum.
 */
public final class Bech32 {

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;
  private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

  private Bech32() {}

  /** True for a mainnet SegWit address whose checksum variant fits its witness version. */
  public static boolean isValidBitcoinAddress(String address) {
    if (address.length() < 14 || address.length() > 90) {
      return false;
    }
    boolean hasLower = !address.equals(address.toUpperCase(Locale.ROOT));
    boolean hasUpper = !address.equals(address.toLowerCase(Locale.ROOT));
    if (hasLower && hasUpper) {
      return false; // BIP-173 forbids mixed case
    }
    String lower = address.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("bc1")) {
      return false;
    }
    int[] data = new int[lower.length() - 3];
    for (int i = 0; i < data.length; i++) {
      data[i] = CHARSET.indexOf(lower.charAt(i + 3));
      if (data[i] < 0) {
        return false;
      }
    }
    int witnessVersion = data[0];
    int expected = witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST;
    if (witnessVersion > 16 || polymod("bc", data) != expected) {
      return false;
    }
    int programBits = (data.length - 1 - 6) * 5;
    int programBytes = programBits / 8;
    boolean lengthOk = witnessVersion == 0 ? (programBytes == 20 || programBytes == 32)
        : (programBytes >= 2 && programBytes <= 40);
    return lengthOk && programBits % 8 < 5;
  }

  private static int polymod(String hrp, int[] data) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (int value : data) {
      chk = step(chk, value);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }
}
