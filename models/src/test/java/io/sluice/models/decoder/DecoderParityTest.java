package io.sluice.models.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.generate.DecoderLoader;
import io.sluice.models.generate.DecoderModel;
import io.sluice.models.weights.Tensor;
import io.sluice.models.weights.WeightFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL decoder blocks against an independent double-precision reference, the KV cache against full
 * recomputation, batches against single sequences, and sharded BF16 checkpoints against FP32, for small random
 * models of each architecture loaded from Hugging Face directories through the normal loader.
 */
class DecoderParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long[] SEQUENCE = {5, 120, 33, 260, 7, 7, 91, 200, 14, 3, 250, 64};

  @TempDir Path tmp;

  @Test
  void djlForwardMatchesTheDoublePrecisionReferenceForEachArchitecture() throws Exception {
    Map<String, DecoderConfig> configs = new LinkedHashMap<>();
    configs.put("llama3-tied", TinyDecoders.llama(true));
    configs.put("llama3-untied", TinyDecoders.llama(false));
    configs.put("qwen2-tied", TinyDecoders.qwen2(true));
    configs.put("qwen2-untied", TinyDecoders.qwen2(false));
    configs.put("qwen3-untied", TinyDecoders.qwen3(false));
    long seed = 1;
    for (Map.Entry<String, DecoderConfig> e : configs.entrySet()) {
      Map<String, Tensor> weights = TinyDecoders.randomWeights(e.getValue(), seed++);
      Path dir = TinyDecoders.write(tmp.resolve(e.getKey()), e.getValue(), weights);
      JsonNode configJson = JSON.readTree(dir.resolve("config.json").toFile());
      double[][] expected = new ReferenceDecoder(configJson, weights).logits(SEQUENCE);
      try (DecoderModel model = DecoderLoader.load(dir, "cpu")) {
        assertEquals(e.getValue(), model.decoder().config(), "config.json round trip for " + e.getKey());
        float[][] actual = model.decoder().allLogits(SEQUENCE);
        double diff = maxAbsDiff(expected, actual);
        assertTrue(diff <= 2e-4, e.getKey() + ": DJL vs reference max abs diff " + diff);
        assertTrue(spread(expected) > 1, e.getKey() + ": logits should not be flat");
      }
    }
  }

  @Test
  void kvCacheDecodingGivesTheLogitsOfFullRecomputation() throws Exception {
    for (DecoderConfig c : List.of(TinyDecoders.llama(false), TinyDecoders.qwen2(true), TinyDecoders.qwen3(false))) {
      try (LoadedDecoder decoder = LoadedDecoder.create(c, TinyDecoders.randomWeights(c, 7), Device.cpu(),
          DataType.FLOAT32); KvCache cache = decoder.newCache(2, 32)) {
        float[][] full = decoder.allLogits(SEQUENCE);
        int prompt = 4;
        // slot 1 holds the sequence; slot 0 holds another one, so positions differ within each step
        decoder.prefill(cache, new int[] {0, 1}, new long[][] {{9, 8, 7, 6, 5, 4, 3}, slice(SEQUENCE, prompt)});
        float[][] stepLogits = decoder.prefill(cache, new int[] {1}, new long[][] {slice(SEQUENCE, prompt)});
        double worst = maxAbsDiff(full[prompt - 1], stepLogits[0]);
        for (int t = prompt; t < SEQUENCE.length; t++) {
          float[][] logits = decoder.decode(cache, new long[] {1, SEQUENCE[t]}, new boolean[] {true, true});
          worst = Math.max(worst, maxAbsDiff(full[t], logits[1]));
        }
        assertEquals(SEQUENCE.length, cache.length(1));
        assertTrue(worst <= 1e-4, c.modelType() + ": cached decoding vs recomputation max abs diff " + worst);
      }
    }
  }

  @Test
  void aBatchOfMixedLengthsGivesTheLogitsOfOneSequenceAtATime() {
    DecoderConfig c = TinyDecoders.llama(true);
    long[][] prompts = {slice(SEQUENCE, 3), slice(SEQUENCE, 12), {42}, slice(SEQUENCE, 7)};
    try (LoadedDecoder decoder = LoadedDecoder.create(c, TinyDecoders.randomWeights(c, 3), Device.cpu(),
        DataType.FLOAT32); KvCache batch = decoder.newCache(4, 20)) {
      float[][] batched = decoder.prefill(batch, new int[] {0, 1, 2, 3}, prompts);
      float[][] next = decoder.decode(batch, new long[] {11, 12, 13, 14}, new boolean[] {true, true, false, true});
      for (int i = 0; i < prompts.length; i++) {
        try (KvCache single = decoder.newCache(1, 20)) {
          float[][] alone = decoder.prefill(single, new int[] {0}, new long[][] {prompts[i]});
          assertTrue(maxAbsDiff(alone[0], batched[i]) <= 1e-4, "prefill of prompt " + i);
          if (i != 2) {
            float[][] aloneNext = decoder.decode(single, new long[] {11 + i}, new boolean[] {true});
            assertTrue(maxAbsDiff(aloneNext[0], next[i]) <= 1e-4, "decode step of prompt " + i);
          }
        }
      }
    }
  }

  @Test
  void shardedBf16CheckpointLoadsLikeTheSameWeightsInFp32() throws Exception {
    DecoderConfig c = TinyDecoders.qwen2(false);
    Map<String, Tensor> weights = TinyDecoders.randomWeights(c, 11);
    Path sharded = tmp.resolve("sharded-bf16");
    TinyDecoders.writeShardedBf16(sharded, c, weights);
    assertTrue(Files.exists(sharded.resolve("model-00002-of-00002.safetensors")));
    try (DecoderModel model = DecoderLoader.load(sharded, "cpu");
        LoadedDecoder fp32 = LoadedDecoder.create(c, TinyDecoders.truncatedToBf16(weights), Device.cpu(),
            DataType.FLOAT32)) {
      double diff = maxAbsDiff(fp32.allLogits(SEQUENCE), model.decoder().allLogits(SEQUENCE));
      assertEquals(0.0, diff, 1e-6, "BF16 shards widen exactly to the truncated FP32 weights");
    }
  }

  @Test
  void configurationMistakesFailWithAMessage() throws Exception {
    DecoderConfig c = TinyDecoders.llama(false);
    Map<String, Tensor> weights = new LinkedHashMap<>(TinyDecoders.randomWeights(c, 1));
    weights.remove("lm_head.weight");
    Path dir = TinyDecoders.write(tmp.resolve("untied-without-head"), c, weights);
    WeightFormatException missing = assertThrows(WeightFormatException.class, () -> DecoderLoader.load(dir, "cpu"));
    assertTrue(missing.getMessage().contains("lm_head.weight"), missing.getMessage());

    JsonNode bad = JSON.readTree("{\"model_type\":\"gpt2\",\"vocab_size\":10}");
    IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class,
        () -> DecoderConfig.fromJson(bad));
    assertTrue(unsupported.getMessage().contains("gpt2"), unsupported.getMessage());
    JsonNode yarn = c.toJson(JSON).put("model_type", "llama").set("rope_scaling",
        JSON.readTree("{\"rope_type\":\"yarn\",\"factor\":4}"));
    assertThrows(IllegalArgumentException.class, () -> DecoderConfig.fromJson(yarn));
  }

  static long[] slice(long[] a, int n) {
    return java.util.Arrays.copyOf(a, n);
  }

  static double maxAbsDiff(float[] a, float[] b) {
    assertEquals(a.length, b.length);
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static double maxAbsDiff(float[][] a, float[][] b) {
    double m = 0;
    for (int t = 0; t < a.length; t++) {
      m = Math.max(m, maxAbsDiff(a[t], b[t]));
    }
    return m;
  }

  private static double maxAbsDiff(double[][] expected, float[][] actual) {
    assertEquals(expected.length, actual.length);
    double m = 0;
    for (int t = 0; t < expected.length; t++) {
      for (int v = 0; v < expected[t].length; v++) {
        m = Math.max(m, Math.abs(expected[t][v] - actual[t][v]));
      }
    }
    return m;
  }

  private static double spread(double[][] logits) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double[] row : logits) {
      for (double v : row) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return max - min;
  }
}
