package io.sluice.models;

import io.sluice.models.onnx.OnnxReader;
import io.sluice.models.onnx.OnnxWeightImporter;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.weights.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Parses the embedded MiniLM ONNX once per test JVM (about a second) and shares the result. */
public final class TestModels {
  private static byte[] miniLmOnnx;
  private static Map<String, Tensor> miniLmWeights;

  private TestModels() {}

  public static synchronized byte[] miniLmOnnx() {
    if (miniLmOnnx == null) {
      try {
        miniLmOnnx = EmbeddedModel.ALL_MINILM_L6_V2.onnxBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return miniLmOnnx;
  }

  public static synchronized Map<String, Tensor> miniLmWeights() {
    if (miniLmWeights == null) {
      miniLmWeights = OnnxWeightImporter.hfWeights(OnnxReader.read(miniLmOnnx()));
    }
    return miniLmWeights;
  }
}
