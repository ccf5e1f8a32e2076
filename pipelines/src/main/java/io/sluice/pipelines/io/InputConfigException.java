package io.sluice.pipelines.io;

/** The input cannot be read as configured (nothing matches, no such column); the message says what to fix. */
public class InputConfigException extends RuntimeException {
  public InputConfigException(String message) {
    super(message);
  }
}
