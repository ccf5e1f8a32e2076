package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a generated document piece by piece, recording each entity's code-point span as it is appended.
 * The document's case variant (as written, all lower, all upper) is applied to each piece before it is
 * measured, so spans stay exact even where a case change alters length (German ß upper-cases to SS).
 */
final class DocumentBuilder {
  enum Casing { AS_WRITTEN, LOWER, UPPER }

  private final StringBuilder text = new StringBuilder();
  private final List<EntitySpan> spans = new ArrayList<>();
  private final Casing casing;
  private int codePoints;

  DocumentBuilder(Casing casing) {
    this.casing = casing;
  }

  DocumentBuilder text(String plain) {
    append(plain);
    return this;
  }

  DocumentBuilder entity(String type, String value) {
    int start = codePoints;
    append(value);
    if (codePoints > start) {
      spans.add(new EntitySpan(type, start, codePoints));
    }
    return this;
  }

  GoldDocument build(String id) {
    return new GoldDocument(id, text.toString(), spans);
  }

  private void append(String s) {
    String cased = switch (casing) {
      case AS_WRITTEN -> s;
      case LOWER -> s.toLowerCase(Locale.ROOT);
      case UPPER -> s.toUpperCase(Locale.ROOT);
    };
    text.append(cased);
    codePoints += cased.codePointCount(0, cased.length());
  }
}
