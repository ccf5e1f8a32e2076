package io.sluice.models.eval;

/** An entity of a type over code points [start, end) of a text, end exclusive (gold or predicted). */
public record EntitySpan(String type, int start, int end) {
  public EntitySpan {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("entity span needs a type");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span [" + start + ", " + end + ")");
    }
  }

  public EntitySpan withType(String newType) {
    return new EntitySpan(newType, start, end);
  }
}
