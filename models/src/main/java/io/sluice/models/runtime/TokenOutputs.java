package io.sluice.models.runtime;

/**
 * Per-token outputs for one text, merged across windows: token i covers code points [starts[i], ends[i]) of
 * the original text and has output vector values[i] (hidden state, logits or probabilities).
 */
public record TokenOutputs(int[] starts, int[] ends, float[][] values) {
  public int size() {
    return starts.length;
  }
}
