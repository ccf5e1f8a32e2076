package io.sluice.pipelines;

/**
 * A job is misconfigured (no input matches, no such column, output already holds results, ...). Raised
 * before any work starts; the message says what to fix. The CLI exits with code 2.
 */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
