package io.sluice.models.weights;

/**
 * FP16 and BF16 decoding in Java. DJL aborts the JVM natively when asked to decode BF16, so reduced-precision
 * weights are widened here before any NDArray sees them (Java 17 has no Float.float16ToFloat).
 */
public final class HalfFloats {
  private HalfFloats() {}

  public static float bf16ToFloat(int bits16) {
    return Float.intBitsToFloat((bits16 & 0xFFFF) << 16);
  }

  public static float fp16ToFloat(int bits16) {
    int sign = (bits16 & 0x8000) << 16;
    int exponent = (bits16 >>> 10) & 0x1F;
    int mantissa = bits16 & 0x3FF;
    if (exponent == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      if (mantissa == 0) {
        return Float.intBitsToFloat(sign);
      }
      float subnormal = mantissa / 1024f / 16384f; // mantissa * 2^-24
      return sign == 0 ? subnormal : -subnormal;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
