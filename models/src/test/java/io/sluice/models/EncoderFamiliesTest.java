package io.sluice.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.encoder.EncoderConfig;
import io.sluice.models.encoder.HfParameterNames;
import io.sluice.models.encoder.TransformerEncoder;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.LoadedEncoder;
import io.sluice.models.weights.SafetensorsWriter;
import io.sluice.models.weights.Tensor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DistilBERT and RoBERTa/XLM-R are configurations of the same blocks (tiny random models, real tokenizer). */
class EncoderFamiliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VOCAB = 30522;

  /** Random weights for every parameter of an encoder with this config, under our (BERT) names. */
  private static Map<String, Tensor> randomWeights(EncoderConfig config, long seed) {
    Random random = new Random(seed);
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
      TransformerEncoder e = new TransformerEncoder(config);
      e.initialize(m, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 1), new ai.djl.ndarray.types.Shape(1, 1));
      HfParameterNames.of(e).forEach((name, p) -> {
        long[] shape = p.getArray().getShape().getShape();
        float[] data = new float[(int) p.getArray().size()];
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) random.nextGaussian() * 0.2f + (name.endsWith("LayerNorm.weight") ? 1f : 0f);
        }
        out.put(name, new Tensor(name, shape, data));
      });
    }
    return out;
  }

  private static void writeDir(Path dir, ObjectNode config, List<Tensor> tensors) throws Exception {
    JSON.writeValue(dir.resolve("config.json").toFile(), config);
    try (InputStream in = EmbeddedModel.ALL_MINILM_L6_V2.openTokenizer()) {
      Files.copy(in, dir.resolve("tokenizer.json"));
    }
    SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);
  }

  @Test
  void distilBertCheckpointNamesAndConfigLoadIntoTheSameBlocks(@TempDir Path distil, @TempDir Path bert) throws Exception {
    EncoderConfig asBert = new EncoderConfig("bert", VOCAB, 16, 2, 2, 32, 64, 0, 1e-12f, "gelu", 0, 0.1f, 0.1f);
    Map<String, Tensor> weights = randomWeights(asBert, 1);
    List<Tensor> distilNamed = new ArrayList<>();
    for (Tensor t : weights.values()) {
      String n = "distilbert." + t.name()
          .replace("encoder.layer.", "transformer.layer.")
          .replace("attention.self.query", "attention.q_lin").replace("attention.self.key", "attention.k_lin")
          .replace("attention.self.value", "attention.v_lin").replace("attention.output.dense", "attention.out_lin")
          .replace("attention.output.LayerNorm", "sa_layer_norm").replace("intermediate.dense", "ffn.lin1")
          .replace("output.dense", "ffn.lin2").replace("output.LayerNorm", "output_layer_norm");
      distilNamed.add(t.withName(n));
    }
    ObjectNode distilConfig = JSON.createObjectNode().put("model_type", "distilbert").put("vocab_size", VOCAB)
        .put("dim", 16).put("n_layers", 2).put("n_heads", 2).put("hidden_dim", 32).put("max_position_embeddings", 64)
        .put("activation", "gelu").put("pad_token_id", 0);
    writeDir(distil, distilConfig, distilNamed);
    writeDir(bert, asBert.toJson(JSON), new ArrayList<>(weights.values()));
    String text = "DistilBERT 😀 and BERT share blocks.";
    try (EncoderModel d = ModelLoader.loadEncoder(ModelSpec.of("d", ModelSpec.SourceKind.HF_DIR, distil.toString(), ModelSpec.Task.ENCODER), 0);
        EncoderModel b = ModelLoader.loadEncoder(ModelSpec.of("b", ModelSpec.SourceKind.HF_DIR, bert.toString(), ModelSpec.Task.ENCODER), 0)) {
      assertEquals("distilbert", d.config().modelType());
      assertEquals(0, d.config().typeVocabSize());
      float[][] x = d.tokenStates(List.of(text)).get(0).values();
      float[][] y = b.tokenStates(List.of(text)).get(0).values();
      assertEquals(y.length, x.length);
      for (int i = 0; i < x.length; i++) {
        for (int h = 0; h < 16; h++) {
          assertEquals(y[i][h], x[i][h], 1e-6f);
        }
      }
    }
  }

  @Test
  void robertaNumbersPositionsFromPaddingIndexPlusOne() {
    EncoderConfig roberta = new EncoderConfig("roberta", VOCAB, 16, 1, 2, 32, 20, 1, 1e-5f, "gelu", 1, 0.1f, 0.1f);
    assertEquals(2, roberta.positionOffset());
    assertEquals(18, roberta.maxTokens());
    EncoderConfig xlmr = EncoderConfig.fromJson(JSON.createObjectNode().put("model_type", "xlm-roberta")
        .put("vocab_size", 250002).put("hidden_size", 768).put("num_hidden_layers", 12).put("num_attention_heads", 12)
        .put("intermediate_size", 3072).put("max_position_embeddings", 514).put("type_vocab_size", 1)
        .put("layer_norm_eps", 1e-5).put("pad_token_id", 1));
    assertEquals(512, xlmr.maxTokens());

    EncoderConfig sameAsBert = new EncoderConfig("bert", VOCAB, 16, 1, 2, 32, 20, 1, 1e-5f, "gelu", 1, 0.1f, 0.1f);
    Map<String, Tensor> weights = randomWeights(roberta, 2);
    long[][] ids = {{0, 500, 600, 700, 2}};
    long[][] mask = {{1, 1, 1, 1, 1}};
    try (LoadedEncoder r = LoadedEncoder.create(roberta, weights, Device.cpu(), DataType.FLOAT32);
        LoadedEncoder b = LoadedEncoder.create(sameAsBert, weights, Device.cpu(), DataType.FLOAT32)) {
      float[] viaRoberta = r.lastHiddenState(ids, mask);
      float[] viaBert = b.lastHiddenState(ids, mask);
      float diff = 0;
      for (int i = 0; i < viaRoberta.length; i++) {
        diff = Math.max(diff, Math.abs(viaRoberta[i] - viaBert[i]));
      }
      assertTrue(diff > 1e-3f, "position offset must change the result");
      // the longest window the table allows runs; one more position would index past the table
      long[][] longest = {new long[18]};
      long[][] longestMask = {new long[18]};
      java.util.Arrays.fill(longest[0], 500);
      java.util.Arrays.fill(longestMask[0], 1);
      assertEquals(18 * 16, r.lastHiddenState(longest, longestMask).length);
    }
  }

  @Test
  void unsupportedArchitecturesAndActivationsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> EncoderConfig.fromJson(JSON.createObjectNode()
        .put("model_type", "llama").put("vocab_size", 10).put("hidden_size", 8).put("num_hidden_layers", 1)
        .put("num_attention_heads", 2).put("intermediate_size", 8).put("max_position_embeddings", 8)));
    assertThrows(IllegalArgumentException.class,
        () -> new EncoderConfig("bert", 10, 8, 1, 3, 8, 8, 2, 1e-12f, "gelu", 0, 0f, 0f));
    assertThrows(IllegalArgumentException.class,
        () -> new EncoderConfig("bert", 10, 8, 1, 2, 8, 8, 2, 1e-12f, "swish", 0, 0f, 0f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EncoderConfig.fromJson(
        JSON.createObjectNode().put("model_type", "bert")));
    assertTrue(e.getMessage().contains("vocab_size"));
  }
}
