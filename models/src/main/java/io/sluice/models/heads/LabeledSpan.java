package io.sluice.models.heads;

/** A labeled stretch of text in code-point offsets [start, end), with the model's confidence in [0, 1]. */
public record LabeledSpan(int start, int end, String label, float score) {
  public LabeledSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
