package io.sluice.pii.operators;

/** Leaves the value as it is: the finding is still reported, the text is not changed. */
final class KeepOperator implements Operator {
  @Override
  public String name() {
    return OperatorTypes.KEEP;
  }

  @Override
  public String apply(String entityType, String original) {
    return original;
  }
}
