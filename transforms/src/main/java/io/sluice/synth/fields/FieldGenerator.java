package io.sluice.synth.fields;

import java.io.Serializable;
import java.util.List;

/**
 * Produces one field's value for one record. Implementations hold only immutable configuration; the randomness
 * comes from the {@link GeneratorContext}, reseeded per record and field, so a value depends on (seed, index,
 * field) alone.
 */
public interface FieldGenerator extends Serializable {
  ValueKind kind();

  Object generate(GeneratorContext context);

  /** Fields whose values this one reads; they are generated first. */
  default List<String> dependsOn() {
    return List.of();
  }
}
