package io.sluice.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.TokenOutputs;
import io.sluice.models.weights.SafetensorsWriter;
import io.sluice.models.weights.Tensor;
import io.sluice.models.weights.WeightDigest;
import io.sluice.models.weights.WeightFormatException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HF-format directory written from the imported MiniLM weights loads through the normal loader. */
class HfDirectoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TEXTS = List.of(
      "Sluice moves documents through models.", "Emoji 😀 and 𝄞 survive; Grüße aus Köln.");
  private static EncoderModel reference;
  private static List<TokenOutputs> expected;

  @BeforeAll
  static void loadReference() {
    reference = ModelLoader.loadEncoder(ModelSpec.embedded("all-minilm-l6-v2"), 0);
    expected = reference.tokenStates(TEXTS);
  }

  @AfterAll
  static void close() {
    reference.close();
  }

  @Test
  void singleSafetensorsFileReproducesHiddenStates(@TempDir Path dir) throws Exception {
    writeConfigAndTokenizer(dir);
    SafetensorsWriter.write(dir.resolve("model.safetensors"), TestModels.miniLmWeights().values());
    assertSameHiddenStates(ModelSpec.of("minilm-dir", ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.ENCODER));
  }

  @Test
  void shardedSafetensorsWithIndexReproduceHiddenStates(@TempDir Path dir) throws Exception {
    writeConfigAndTokenizer(dir);
    List<Tensor> first = new ArrayList<>();
    List<Tensor> second = new ArrayList<>();
    ObjectNode weightMap = JSON.createObjectNode();
    for (Tensor t : TestModels.miniLmWeights().values()) {
      boolean inFirst = t.name().startsWith("embeddings") || t.name().contains("layer.0.") || t.name().contains("layer.1.");
      (inFirst ? first : second).add(t);
      weightMap.put(t.name(), inFirst ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors");
    }
    SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), first);
    SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), second);
    ObjectNode index = JSON.createObjectNode();
    index.putObject("metadata");
    index.set("weight_map", weightMap);
    JSON.writeValue(dir.resolve("model.safetensors.index.json").toFile(), index);
    assertSameHiddenStates(ModelSpec.of("minilm-sharded", ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.ENCODER));

    Files.delete(dir.resolve("model-00002-of-00002.safetensors"));
    WeightFormatException e = assertThrows(WeightFormatException.class, () -> ModelLoader.loadEncoder(
        ModelSpec.of("broken", ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.ENCODER), 0));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void sha256IsCheckedWhenTheSpecGivesOne(@TempDir Path dir) throws Exception {
    writeConfigAndTokenizer(dir);
    Path weights = dir.resolve("model.safetensors");
    SafetensorsWriter.write(weights, TestModels.miniLmWeights().values());
    ModelSpec spec = ModelSpec.of("pinned", ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.ENCODER);
    String digest = WeightDigest.sha256(List.of(weights));
    try (EncoderModel ok = ModelLoader.loadEncoder(spec.withSha256(digest.toUpperCase()), 0)) {
      assertEquals(384, ok.config().hiddenSize());
    }
    WeightFormatException e = assertThrows(WeightFormatException.class,
        () -> ModelLoader.loadEncoder(spec.withSha256("0".repeat(64)), 0));
    assertTrue(e.getMessage().contains("sha256 mismatch"), e.getMessage());
  }

  @Test
  void pickleCheckpointIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
    writeConfigAndTokenizer(dir);
    Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2, 'c'});
    WeightFormatException e = assertThrows(WeightFormatException.class, () -> ModelLoader.loadEncoder(
        ModelSpec.of("pickle", ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.ENCODER), 0));
    assertTrue(e.getMessage().contains("pickle checkpoints are refused"), e.getMessage());
  }

  @Test
  void aWeightWithTheWrongShapeIsReportedByName(@TempDir Path dir) throws Exception {
    writeConfigAndTokenizer(dir);
    List<Tensor> tensors = new ArrayList<>(TestModels.miniLmWeights().values());
    tensors.replaceAll(t -> t.name().equals("encoder.layer.2.output.dense.bias")
        ? new Tensor(t.name(), new long[] {2}, new float[2]) : t);
    SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);
    WeightFormatException e = assertThrows(WeightFormatException.class, () -> ModelLoader.loadEncoder(
        ModelSpec.of("bad-shape", ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.ENCODER), 0));
    assertTrue(e.getMessage().contains("encoder.layer.2.output.dense.bias"), e.getMessage());
  }

  @Test
  void hfTaskModelPrefixAndLegacyLayerNormNamesAreMapped(@TempDir Path dir) throws Exception {
    writeConfigAndTokenizer(dir);
    List<Tensor> renamed = new ArrayList<>();
    for (Tensor t : TestModels.miniLmWeights().values()) {
      String n = "bert." + t.name();
      n = n.endsWith("LayerNorm.weight") ? n.replace("LayerNorm.weight", "LayerNorm.gamma") : n;
      renamed.add(t.withName(n));
    }
    SafetensorsWriter.write(dir.resolve("model.safetensors"), renamed);
    assertSameHiddenStates(ModelSpec.of("bert-prefixed", ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.ENCODER));
  }

  @Test
  void hfBertForSequenceClassificationRunsPoolerThenClassifier(@TempDir Path dir) throws Exception {
    writeConfigAndTokenizer(dir);
    ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    config.putArray("architectures").add("BertForSequenceClassification");
    config.putObject("id2label").put("0", "ok").put("1", "toxic").put("2", "threat");
    JSON.writeValue(dir.resolve("config.json").toFile(), config);
    java.util.Random random = new java.util.Random(5);
    Tensor poolerW = randomTensor("bert.pooler.dense.weight", random, 384, 384);
    Tensor poolerB = randomTensor("bert.pooler.dense.bias", random, 384);
    Tensor classW = randomTensor("classifier.weight", random, 3, 384);
    Tensor classB = randomTensor("classifier.bias", random, 3);
    List<Tensor> tensors = new ArrayList<>();
    TestModels.miniLmWeights().values().forEach(t -> tensors.add(t.withName("bert." + t.name())));
    tensors.addAll(List.of(poolerW, poolerB, classW, classB));
    SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);

    String text = TEXTS.get(1);
    long[][] ids = {reference.tokenizer().encodeWithSpecialTokens(text)};
    long[][] mask = {OnnxParityTest.ones(ids[0].length)};
    float[] cls = java.util.Arrays.copyOf(reference.encoder().lastHiddenState(ids, mask), 384);
    float[] pooled = affine(poolerW, poolerB, cls);
    for (int i = 0; i < pooled.length; i++) {
      pooled[i] = (float) Math.tanh(pooled[i]);
    }
    float[] logits = affine(classW, classB, pooled);
    double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    try (io.sluice.models.heads.SequenceClassifier classifier = ModelLoader.loadSequenceClassifier(ModelSpec.of("tox",
        ModelSpec.SourceKind.HF_DIR, dir.toString(), ModelSpec.Task.SEQUENCE_CLASSIFICATION), 0)) {
      assertEquals(List.of("ok", "toxic", "threat"), classifier.labels());
      float[] p = classifier.predict(List.of(text))[0];
      for (int k = 0; k < 3; k++) {
        assertEquals(Math.exp(logits[k] - max) / sum, p[k], 1e-4);
      }
    }
  }

  private static Tensor randomTensor(String name, java.util.Random random, long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] data = new float[(int) n];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian() * 0.1f;
    }
    return new Tensor(name, shape, data);
  }

  /** w [out, in] x + b. */
  private static float[] affine(Tensor w, Tensor b, float[] x) {
    int out = (int) w.shape()[0];
    float[] y = new float[out];
    for (int o = 0; o < out; o++) {
      double acc = b.data()[o];
      for (int i = 0; i < x.length; i++) {
        acc += w.data()[o * x.length + i] * x[i];
      }
      y[o] = (float) acc;
    }
    return y;
  }

  private static void assertSameHiddenStates(ModelSpec spec) {
    try (EncoderModel loaded = ModelLoader.loadEncoder(spec, 0)) {
      List<TokenOutputs> actual = loaded.tokenStates(TEXTS);
      float worst = 0;
      for (int t = 0; t < TEXTS.size(); t++) {
        assertEquals(expected.get(t).size(), actual.get(t).size());
        for (int i = 0; i < actual.get(t).size(); i++) {
          assertEquals(expected.get(t).starts()[i], actual.get(t).starts()[i]);
          for (int h = 0; h < 384; h++) {
            worst = Math.max(worst, Math.abs(expected.get(t).values()[i][h] - actual.get(t).values()[i][h]));
          }
        }
      }
      assertTrue(worst <= 1e-5f, "max abs diff " + worst);
    }
  }

  static void writeConfigAndTokenizer(Path dir) throws Exception {
    ObjectNode config = EmbeddedModel.ALL_MINILM_L6_V2.config().toJson(JSON);
    config.putArray("architectures").add("BertModel");
    JSON.writeValue(dir.resolve("config.json").toFile(), config);
    try (InputStream in = EmbeddedModel.ALL_MINILM_L6_V2.openTokenizer()) {
      Files.copy(in, dir.resolve("tokenizer.json"));
    }
  }
}
