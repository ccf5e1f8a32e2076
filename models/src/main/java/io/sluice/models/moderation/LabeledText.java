package io.sluice.models.moderation;

import java.util.EnumSet;
import java.util.Set;

/**
 * One training or evaluation example: the text, its categories (empty = benign), where it came from
 * (e.g. "davidson", "template") and a stratum used to split it (e.g. the source's own class, or the template).
 */
public record LabeledText(String text, Set<ModerationCategory> labels, String source, String stratum) {
  public LabeledText {
    labels = labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
  }

  public boolean has(ModerationCategory c) {
    return labels.contains(c);
  }

  /** 0/1 per category in {@link ModerationCategory} order. */
  public float[] target() {
    float[] y = new float[ModerationCategory.count()];
    for (ModerationCategory c : labels) {
      y[c.ordinal()] = 1f;
    }
    return y;
  }
}
