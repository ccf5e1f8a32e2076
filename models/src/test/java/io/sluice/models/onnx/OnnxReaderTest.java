package io.sluice.models.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.TestModels;
import io.sluice.models.weights.Tensor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxReaderTest {
  @Test
  void miniLmInitializersMapToHuggingFaceNames() {
    Map<String, Tensor> w = TestModels.miniLmWeights();
    // 5 embedding tensors + 16 per layer x 6 layers
    assertEquals(5 + 16 * 6, w.size());
    assertTrue(w.keySet().stream().noneMatch(k -> k.startsWith("onnx::")));
    assertEquals("[384, 384]", Arrays.toString(w.get("encoder.layer.0.attention.self.query.weight").shape()));
    assertEquals("[1536, 384]", Arrays.toString(w.get("encoder.layer.5.intermediate.dense.weight").shape()));
    assertEquals("[384, 1536]", Arrays.toString(w.get("encoder.layer.5.output.dense.weight").shape()));
  }

  @Test
  void matMulWeightsAreTransposedToTorchLayout() {
    OnnxGraph g = OnnxReader.read(TestModels.miniLmOnnx());
    OnnxNode matMul = g.nodes().stream()
        .filter(n -> n.name().equals("/encoder/layer.0/intermediate/dense/MatMul")).findFirst().orElseThrow();
    Tensor raw = g.initializers().get(matMul.inputs().get(1)); // [in=384, out=1536]
    Tensor mapped = TestModels.miniLmWeights().get("encoder.layer.0.intermediate.dense.weight"); // [out, in]
    assertEquals(raw.data()[3 * 1536 + 7], mapped.data()[7 * 384 + 3]);
  }

  @Test
  void truncatedOrGarbageBytesFailClearly() {
    byte[] model = TestModels.miniLmOnnx();
    byte[] truncated = Arrays.copyOf(model, model.length / 2);
    assertThrows(OnnxFormatException.class, () -> OnnxReader.read(truncated));
    assertThrows(OnnxFormatException.class, () -> OnnxReader.read(new byte[] {(byte) 0xFF, (byte) 0xFF}));
    assertThrows(OnnxFormatException.class, () -> OnnxReader.read(new byte[0]));
  }

  @Test
  void anonymousWeightWithoutNamedBiasIsRefused() {
    Tensor w = new Tensor("onnx::MatMul_1", new long[] {2, 2}, new float[4]);
    OnnxGraph g = new OnnxGraph(Map.of(w.name(), w),
        java.util.List.of(new OnnxNode("m", "MatMul", java.util.List.of("x", w.name()), java.util.List.of("y")),
            new OnnxNode("r", "Relu", java.util.List.of("y"), java.util.List.of("z"))),
        java.util.List.of("x"), java.util.List.of("z"));
    assertThrows(OnnxFormatException.class, () -> OnnxWeightImporter.hfWeights(g));
  }
}
