package io.sluice.models.generate;

/** Makes a fresh {@link LogitsConstraint} per request; thread-safe, shares what is precomputed per tokenizer. */
@FunctionalInterface
public interface ConstraintFactory {
  LogitsConstraint newConstraint();
}
