package io.sluice.models.weights;

/** A weight file is missing, corrupt, of an unsupported kind, or does not match the model configuration. */
public final class WeightFormatException extends RuntimeException {
  public WeightFormatException(String message) {
    super(message);
  }

  public WeightFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
