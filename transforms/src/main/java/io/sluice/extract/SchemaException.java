package io.sluice.extract;

/** A user schema Sluice cannot extract into; the message names the field and says what to change. */
public final class SchemaException extends IllegalArgumentException {
  public SchemaException(String message) {
    super(message);
  }
}
