package io.sluice.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.LoadedEncoder;
import io.sluice.models.runtime.OrtReference;
import io.sluice.models.text.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our PyTorch-engine encoder with MiniLM weights imported from ONNX against ONNX Runtime on the same file. */
class OnnxParityTest {
  private static final float TOLERANCE = 1e-4f;
  private static LoadedEncoder ours;
  private static OrtReference ort;
  private static TextTokenizer tokenizer;

  @BeforeAll
  static void load() throws Exception {
    ours = LoadedEncoder.create(EmbeddedModel.ALL_MINILM_L6_V2.config(), TestModels.miniLmWeights(), Device.cpu(),
        DataType.FLOAT32);
    ort = new OrtReference(TestModels.miniLmOnnx(), 2);
    tokenizer = TextTokenizer.fromStream(EmbeddedModel.ALL_MINILM_L6_V2.openTokenizer(), 0);
  }

  @AfterAll
  static void close() {
    ours.close();
    ort.close();
    tokenizer.close();
  }

  static List<String> sentences() {
    // grow a text sentence by sentence until it just fits the 512-token window
    String longText = "";
    for (int i = 0; ; i++) {
      String next = longText + "Sentence " + i + " talks about rivers, sluices and data pipelines. ";
      if (tokenizer.encodeWithSpecialTokens(next).length > 512) {
        break;
      }
      longText = next;
    }
    return List.of(
        "The quick brown fox jumps over the lazy dog.",
        "Grüße aus München! Ça va? Привет, как дела? 你好，世界。 مرحبا بالعالم",
        "Emoji 😀🎉 and astral 𝄞 symbols 👩‍💻 mixed with text.",
        "a",
        longText);
  }

  @Test
  void lastHiddenStateMatchesOnnxRuntimeOneByOne() {
    float worst = 0;
    for (String s : sentences()) {
      long[] ids = tokenizer.encodeWithSpecialTokens(s);
      assertTrue(ids.length <= 512, "test sentence must fit the window");
      long[][] batchIds = {ids};
      long[][] mask = {ones(ids.length)};
      worst = Math.max(worst, maxAbsDiff(ours.lastHiddenState(batchIds, mask), ort.lastHiddenState(batchIds, mask)));
    }
    System.out.println("parity one-by-one: max abs diff of last_hidden_state = " + worst);
    assertTrue(worst <= TOLERANCE, "max abs diff " + worst);
  }

  @Test
  void paddedBatchMatchesOnnxRuntimeOnRealTokens() {
    List<long[]> encoded = new ArrayList<>();
    // Twice over: ten rows near 512 tokens make the scores large enough for attention to run in chunks.
    for (int copy = 0; copy < 2; copy++) {
      for (String s : sentences()) {
        encoded.add(tokenizer.encodeWithSpecialTokens(s));
      }
    }
    int seq = encoded.stream().mapToInt(a -> a.length).max().orElseThrow();
    assertTrue(seq > 480, "the long sentence should come near the 512-token window, got " + seq);
    long[][] ids = new long[encoded.size()][seq];
    long[][] mask = new long[encoded.size()][seq];
    for (int b = 0; b < encoded.size(); b++) {
      System.arraycopy(encoded.get(b), 0, ids[b], 0, encoded.get(b).length);
      for (int t = 0; t < encoded.get(b).length; t++) {
        mask[b][t] = 1;
      }
    }
    float[] a = ours.lastHiddenState(ids, mask);
    float[] r = ort.lastHiddenState(ids, mask);
    int hidden = 384;
    assertEquals((long) encoded.size() * seq * hidden, a.length);
    float worst = 0;
    for (int b = 0; b < encoded.size(); b++) {
      for (int t = 0; t < encoded.get(b).length; t++) {
        for (int h = 0; h < hidden; h++) {
          int i = (b * seq + t) * hidden + h;
          worst = Math.max(worst, Math.abs(a[i] - r[i]));
        }
      }
    }
    System.out.println("parity padded batch: max abs diff on real tokens = " + worst);
    assertTrue(worst <= TOLERANCE, "max abs diff " + worst);
  }

  @Test
  void aWrongWeightIsDetectedByTheComparison() {
    // guards the comparison itself: perturbing one weight must push the difference over the tolerance
    var weights = new java.util.HashMap<>(TestModels.miniLmWeights());
    var t = weights.get("encoder.layer.0.output.dense.bias");
    float[] changed = t.data().clone();
    changed[0] += 0.5f;
    weights.put(t.name(), new io.sluice.models.weights.Tensor(t.name(), t.shape(), changed));
    try (LoadedEncoder broken = LoadedEncoder.create(EmbeddedModel.ALL_MINILM_L6_V2.config(), weights, Device.cpu(),
        DataType.FLOAT32)) {
      long[][] ids = {tokenizer.encodeWithSpecialTokens("The quick brown fox.")};
      long[][] mask = {ones(ids[0].length)};
      assertTrue(maxAbsDiff(broken.lastHiddenState(ids, mask), ort.lastHiddenState(ids, mask)) > TOLERANCE);
    }
  }

  static long[] ones(int n) {
    long[] a = new long[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  static float maxAbsDiff(float[] a, float[] b) {
    assertEquals(a.length, b.length);
    float worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }
}
