package io.sluice.extract;

/**
 * A raw value that cannot be read as its field's type. The message says why in general terms and never quotes
 * the value: values are document text, and messages end up in dead letters and logs.
 */
public final class NotNormalisable extends IllegalArgumentException {
  public NotNormalisable(String message) {
    super(message);
  }
}
