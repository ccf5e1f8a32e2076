package io.sluice.pii.operators;

import java.util.List;

/** The operator names a policy may use, shared by the policy validator and {@link Operators}. */
public final class OperatorTypes {
  public static final String REDACT = "redact";
  public static final String REPLACE = "replace";
  public static final String MASK = "mask";
  public static final String HASH = "hash";
  public static final String SURROGATE = "surrogate";
  public static final String KEEP = "keep";

  /** Every valid {@code operator.type}, in the order error messages list them. */
  public static final List<String> ALL = List.of(REDACT, REPLACE, MASK, HASH, SURROGATE, KEEP);

  private OperatorTypes() {}

  /** Whether an operator of this type needs a secret key (named by {@code operator.key}). */
  public static boolean needsKey(String type) {
    return HASH.equals(type) || SURROGATE.equals(type);
  }
}
