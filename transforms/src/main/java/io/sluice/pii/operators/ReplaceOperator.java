package io.sluice.pii.operators;

/** Writes a fixed value, or {@code <ENTITY_TYPE>} when the policy gives none. */
final class ReplaceOperator implements Operator {
  /** Null means "the entity type in angle brackets". */
  private final String newValue;

  ReplaceOperator(String newValue) {
    this.newValue = newValue;
  }

  @Override
  public String name() {
    return OperatorTypes.REPLACE;
  }

  @Override
  public String apply(String entityType, String original) {
    return newValue != null ? newValue : "<" + entityType + ">";
  }
}
