package io.sluice.models.text;

/**
 * The content tokens of one text (no special tokens), with each token's span in the original text as
 * code-point offsets, end exclusive.
 */
public record TokenizedText(long[] ids, int[] starts, int[] ends) {
  public int size() {
    return ids.length;
  }
}
