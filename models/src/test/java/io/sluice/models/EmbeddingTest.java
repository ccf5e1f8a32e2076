package io.sluice.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.LoadedEncoder;
import io.sluice.models.runtime.OrtReference;
import io.sluice.models.text.TextTokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence embeddings from both embedded models; BGE (12 layers, CLS pooling) also checked against ORT. */
class EmbeddingTest {
  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Test
  void miniLmEmbeddingsAreUnitLengthAndSemantic() {
    try (EncoderModel model = ModelLoader.loadEncoder(ModelSpec.embedded("all-minilm-l6-v2"), 0)) {
      float[][] e = model.embed(List.of("A man is playing a guitar.", "Someone plays an instrument.",
          "The stock market fell today.", ""));
      for (float[] v : e) {
        assertEquals(384, v.length);
      }
      assertEquals(1.0, cosine(e[0], e[0]), 1e-4);
      assertTrue(cosine(e[0], e[1]) > cosine(e[0], e[2]) + 0.2, "similar sentences are closer");
      assertEquals(1.0, cosine(e[3], e[3]), 1e-4, "an empty text still gets an embedding");
      double padding = model.stats().paddingFraction();
      assertTrue(padding > 0 && padding < 0.5, "padding fraction " + padding);
      assertEquals(4, model.stats().texts());
      IllegalArgumentException nullText = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> model.embed(java.util.Arrays.asList("fine", null)));
      assertTrue(nullText.getMessage().contains("index 1"));
    }
  }

  @Test
  void concurrentPredictionsMatchSequentialOnes() throws Exception {
    List<String> texts = List.of("Threads share one model.", "Each call has its own NDManager 😀.",
        "Results must not mix between threads.");
    try (EncoderModel model = ModelLoader.loadEncoder(ModelSpec.embedded("all-minilm-l6-v2"), 0)) {
      float[][] expected = model.embed(texts);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      List<java.util.concurrent.Future<float[][]>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> model.embed(texts)));
      }
      for (var f : futures) {
        float[][] got = f.get();
        for (int t = 0; t < texts.size(); t++) {
          for (int h = 0; h < 384; h++) {
            assertEquals(expected[t][h], got[t][h], 1e-5f);
          }
        }
      }
      pool.shutdown();
    }
  }

  @Test
  void bgeImportedFromOnnxMatchesOnnxRuntime() throws Exception {
    var resolved = ModelResolver.resolve(ModelSpec.embedded("bge-small-en-v1.5"));
    assertEquals(12, resolved.config().numLayers());
    try (LoadedEncoder ours = LoadedEncoder.create(resolved.config(), resolved.weights(), Device.cpu(), DataType.FLOAT32);
        OrtReference ort = new OrtReference(EmbeddedModel.BGE_SMALL_EN_V15.onnxBytes(), 2);
        TextTokenizer tokenizer = TextTokenizer.fromBytes(resolved.tokenizerJson(), 0)) {
      float worst = 0;
      for (String s : List.of("BGE uses CLS pooling.", "Grüße 😀 aus Köln, 你好")) {
        long[][] ids = {tokenizer.encodeWithSpecialTokens(s)};
        long[][] mask = {OnnxParityTest.ones(ids[0].length)};
        worst = Math.max(worst, OnnxParityTest.maxAbsDiff(ours.lastHiddenState(ids, mask), ort.lastHiddenState(ids, mask)));
      }
      System.out.println("parity bge-small-en-v1.5: max abs diff = " + worst);
      assertTrue(worst <= 1e-4f, "max abs diff " + worst);
    }
  }
}
