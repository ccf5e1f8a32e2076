package io.sluice.synth.fields;

import java.util.List;
import java.util.Map;

/**
 * A value chosen from a table keyed by another field's value (a simple conditional rule: {@code city} drawn from
 * the cities of the record's {@code country}). Keys with no row use {@code fallback}; without one the spec is
 * rejected when the key field's possible values are known, and the record is dead-lettered otherwise.
 */
record LookupField(String key, Map<String, WeightedValues> table, WeightedValues fallback) implements FieldGenerator {
  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public List<String> dependsOn() {
    return List.of(key);
  }

  @Override
  public Object generate(GeneratorContext context) {
    Object keyValue = context.value(key);
    WeightedValues row = keyValue == null ? null : table.get(keyValue.toString());
    if (row == null) {
      row = fallback;
    }
    if (row == null) {
      throw new IllegalStateException("lookup on '" + key + "' has no row for the record's value and no default");
    }
    return row.draw(context.random());
  }
}
