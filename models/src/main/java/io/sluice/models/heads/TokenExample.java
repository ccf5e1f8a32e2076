package io.sluice.models.heads;

import java.util.List;

/** A training text with its labeled entity spans (code points, end exclusive; unlabeled text is "O"). */
public record TokenExample(String text, List<LabeledSpan> spans) {
  public TokenExample {
    spans = List.copyOf(spans);
  }
}
