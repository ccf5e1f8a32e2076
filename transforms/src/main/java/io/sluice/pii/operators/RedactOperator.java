package io.sluice.pii.operators;

/** Removes the value entirely. */
final class RedactOperator implements Operator {
  @Override
  public String name() {
    return OperatorTypes.REDACT;
  }

  @Override
  public String apply(String entityType, String original) {
    return "";
  }
}
