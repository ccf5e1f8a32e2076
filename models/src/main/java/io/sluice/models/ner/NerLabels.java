package io.sluice.models.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * The entity types the PII NER model predicts and its BIO tag set: index 0 is "O", then B-/I- per type in
 * {@link #ENTITIES} order. The tag index is the head's output column.
 */
public final class NerLabels {
  public static final String OUTSIDE = "O";
  public static final List<String> ENTITIES = List.of("PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS");

  private NerLabels() {}

  /** O, B-PERSON, I-PERSON, B-LOCATION, ... */
  public static List<String> tags(List<String> entities) {
    List<String> tags = new ArrayList<>();
    tags.add(OUTSIDE);
    for (String e : entities) {
      tags.add("B-" + e);
      tags.add("I-" + e);
    }
    return tags;
  }

  /** Tag index of B-type (I-type is one more), given the entity's position in the entity list. */
  public static int beginTag(int entityIndex) {
    return 1 + 2 * entityIndex;
  }

  /** Entity index of a tag index > 0. */
  public static int entityOf(int tag) {
    return (tag - 1) / 2;
  }

  public static boolean isBegin(int tag) {
    return tag > 0 && (tag - 1) % 2 == 0;
  }
}
