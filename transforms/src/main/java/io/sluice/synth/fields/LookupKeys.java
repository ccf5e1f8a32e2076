package io.sluice.synth.fields;

import io.sluice.synth.SpecException;
import java.util.Map;

/** Checks that a lookup has a row for every value its key field can take, when those values are known. */
public final class LookupKeys {
  private LookupKeys() {}

  public static void checkCovered(FieldSpec field, Map<String, FieldSpec> byName) {
    if (!(field.generator() instanceof LookupField lookup) || lookup.fallback() != null) {
      return;
    }
    FieldSpec key = byName.get(lookup.key());
    if (key != null && key.generator() instanceof ChoiceField choice) {
      for (String value : choice.values().values()) {
        if (!lookup.table().containsKey(value)) {
          throw new SpecException("fields." + field.name() + ".table has no row for " + lookup.key() + " = '" + value
              + "'; add one or give a default:");
        }
      }
    }
  }
}
