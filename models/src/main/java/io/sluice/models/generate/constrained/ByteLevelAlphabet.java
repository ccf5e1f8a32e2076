package io.sluice.models.generate.constrained;

/**
 * GPT-2's byte-to-unicode table, used by every byte-level BPE tokenizer (GPT-2, Llama 3, Qwen, SmolLM2): each byte
 * is written as one printable character in tokenizer.json (printable Latin-1 bytes as themselves, the others
 * shifted to U+0100 and up), so a vocabulary entry such as "Ġ{" stands for the bytes " {".
 */
final class ByteLevelAlphabet {
  private static final int[] CHAR_TO_BYTE = buildInverse();

  private ByteLevelAlphabet() {}

  /** The bytes a byte-level token string stands for, or null when it holds a character outside the table. */
  static byte[] decode(String token) {
    byte[] out = new byte[token.length()];
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
      if (b < 0) {
        return null;
      }
      out[i] = (byte) b;
    }
    return out;
  }

  /** The character that stands for byte b (the inverse of {@link #decode}); tests build vocabularies with it. */
  static char encode(int b) {
    for (int c = 0; c < CHAR_TO_BYTE.length; c++) {
      if (CHAR_TO_BYTE[c] == b) {
        return (char) c;
      }
    }
    throw new IllegalArgumentException("not a byte: " + b);
  }

  private static int[] buildInverse() {
    int[] inverse = new int[512];
    java.util.Arrays.fill(inverse, -1);
    int shifted = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      if (printable) {
        inverse[b] = b;
      } else {
        inverse[256 + shifted] = b;
        shifted++;
      }
    }
    return inverse;
  }
}
