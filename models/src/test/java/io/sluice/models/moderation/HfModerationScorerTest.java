package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.ModelLoader;
import io.sluice.models.ModelSpec;
import io.sluice.models.encoder.EncoderConfig;
import io.sluice.models.encoder.HfParameterNames;
import io.sluice.models.encoder.TransformerEncoder;
import io.sluice.models.heads.SequenceClassifier;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.weights.SafetensorsWriter;
import io.sluice.models.weights.Tensor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny random BERT sequence classifier in HF layout, plugged in with a label map onto our categories. */
class HfModerationScorerTest {
  private static final List<String> TEXTS = List.of("you are an idiot", "Thanks for the invoice 😀 𝄞",
      "a somewhat longer message about the quarterly report, the vendor contract and the printer");
  @TempDir
  static Path dir;

  @BeforeAll
  static void writeTinyHfDirectory() throws Exception {
    EncoderConfig config = new EncoderConfig("bert", 30522, 32, 2, 2, 64, 512, 2, 1e-12f, "gelu", 0, 0.1f, 0.1f);
    ObjectMapper json = new ObjectMapper();
    ObjectNode c = config.toJson(json);
    ObjectNode id2label = c.putObject("id2label");
    id2label.put("0", "toxic");
    id2label.put("1", "insult");
    id2label.put("2", "neutral");
    c.put("problem_type", "multi_label_classification");
    json.writeValue(dir.resolve("config.json").toFile(), c);
    try (InputStream in = EmbeddedModel.ALL_MINILM_L6_V2.openTokenizer()) {
      Files.write(dir.resolve("tokenizer.json"), in.readAllBytes());
    }
    List<Tensor> tensors = new ArrayList<>();
    Random random = new Random(5);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      TransformerEncoder encoder = new TransformerEncoder(config);
      encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
      for (Map.Entry<String, Parameter> e : HfParameterNames.of(encoder).entrySet()) {
        long[] shape = e.getValue().getArray().getShape().getShape();
        tensors.add(random(random, "bert." + e.getKey(), shape, e.getKey().contains("LayerNorm.weight") ? 1 : 0));
      }
    }
    // what real BertForSequenceClassification checkpoints also carry
    tensors.add(random(random, "bert.pooler.dense.weight", new long[] {32, 32}, 0));
    tensors.add(random(random, "bert.pooler.dense.bias", new long[] {32}, 0));
    tensors.add(random(random, "classifier.weight", new long[] {3, 32}, 0));
    tensors.add(random(random, "classifier.bias", new long[] {3}, 0));
    SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors);
  }

  private static Tensor random(Random random, String name, long[] shape, float offset) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] data = new float[(int) n];
    for (int i = 0; i < data.length; i++) {
      data[i] = offset + (float) random.nextGaussian() * (offset == 1 ? 0.05f : 0.5f);
    }
    return new Tensor(name, shape, data);
  }

  @Test
  void categoriesTakeTheMaximumOfTheModelLabelsMappedToThem() {
    ModerationModelSpec spec = ModerationModelSpec.hfDir(dir,
        Map.of("toxic", List.of("toxicity"), "insult", List.of("toxicity", "harassment")));
    float[][] expected;
    try (SequenceClassifier direct = ModelLoader.loadSequenceClassifier(ModelSpec.of("tiny", ModelSpec.SourceKind.HF_DIR,
        dir.toString(), ModelSpec.Task.SEQUENCE_CLASSIFICATION), 0)) {
      assertEquals(List.of("toxic", "insult", "neutral"), direct.labels());
      expected = direct.predict(TEXTS);
    }
    try (ModerationScorer scorer = ModerationModels.load(spec, 0)) {
      assertEquals(EnumSet.of(ModerationCategory.TOXICITY, ModerationCategory.HARASSMENT), scorer.covered());
      float[][] scores = scorer.score(TEXTS);
      for (int i = 0; i < TEXTS.size(); i++) {
        float[] s = scores[i];
        assertEquals(Math.max(expected[i][0], expected[i][1]), s[ModerationCategory.TOXICITY.ordinal()], 1e-6);
        assertEquals(expected[i][1], s[ModerationCategory.HARASSMENT.ordinal()], 1e-6);
        assertEquals(0f, s[ModerationCategory.SPAM.ordinal()]);
        assertTrue(s[ModerationCategory.TOXICITY.ordinal()] > 0f && s[ModerationCategory.TOXICITY.ordinal()] < 1f);
      }
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, scorer.defaultThresholds());
      assertTrue(scorer.tokensProcessed() > 0);
    }
  }

  @Test
  void thresholdsFromTheSpecAreTheScorersDefaults() throws Exception {
    ModerationModelSpec spec = ModerationModelSpec.fromJson(new ObjectMapper().readTree(
        "{\"type\": \"hf-dir\", \"path\": \"" + dir.toString().replace("\\", "\\\\") + "\","
            + " \"label_map\": {\"toxic\": \"toxicity\"}, \"thresholds\": {\"toxicity\": 0.8}}"));
    try (ModerationScorer scorer = ModerationModels.load(spec, 0)) {
      assertEquals(0.8f, scorer.defaultThresholds()[ModerationCategory.TOXICITY.ordinal()]);
      assertEquals(EnumSet.of(ModerationCategory.TOXICITY), scorer.covered());
    }
  }

  @Test
  void aLabelMapNamingAModelLabelThatDoesNotExistIsRejected() {
    ModerationModelSpec spec = ModerationModelSpec.hfDir(dir, Map.of("obscene", List.of("sexual")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModerationModels.load(spec, 0));
    assertTrue(e.getMessage().contains("obscene"), e.getMessage());
  }

  @Test
  void specsWithoutLabelMapOrWithUnknownCategoriesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ModerationModelSpec.hfDir(dir, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ModerationModelSpec.hfDir(dir, Map.of("toxic", List.of("rudeness"))));
  }
}
