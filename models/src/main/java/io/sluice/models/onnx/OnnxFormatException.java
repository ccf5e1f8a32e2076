package io.sluice.models.onnx;

/** The bytes are not an ONNX model we can read (truncated, corrupt or using features we do not support). */
public final class OnnxFormatException extends RuntimeException {
  public OnnxFormatException(String message) {
    super(message);
  }
}
