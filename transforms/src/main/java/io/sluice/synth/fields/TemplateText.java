package io.sluice.synth.fields;

import java.util.List;

/** A filled template: its text and where the slots with an entity type landed (the gold spans). */
public record TemplateText(String text, List<Span> spans) {
  /** A slot value in the text: Unicode code-point offsets, end exclusive, as every Sluice offset. */
  public record Span(String entityType, int start, int end, String value) {}

  @Override
  public String toString() {
    return text;
  }
}
