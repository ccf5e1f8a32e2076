package io.sluice.policy;

/** A policy mistake, with a message that says what to fix. Thrown before any work starts. */
public class PolicyException extends RuntimeException {
  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
