package io.sluice.models.eval;

import java.util.List;

/** A text with its entity spans in code points (gold annotations, or a model's predictions). */
public record GoldDocument(String id, String text, List<EntitySpan> spans) {
  public GoldDocument {
    spans = List.copyOf(spans);
    int length = text.codePointCount(0, text.length());
    for (EntitySpan s : spans) {
      if (s.end() > length) {
        throw new IllegalArgumentException("document " + id + ": span ends at " + s.end() + " past the text ("
            + length + " code points)");
      }
    }
  }
}
