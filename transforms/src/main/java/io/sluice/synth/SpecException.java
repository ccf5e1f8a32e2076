package io.sluice.synth;

/** A synthesis spec mistake, with a message that names the key and says what to fix. Thrown before any work starts. */
public class SpecException extends RuntimeException {
  public SpecException(String message) {
    super(message);
  }

  public SpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
