package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.sluice.models.ModelLoader;
import io.sluice.models.encoder.ReplacementLayer;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.ModelCache;
import io.sluice.models.runtime.TokenOutputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model's own top layer, run on the shared encoder's lower layers, and what fine-tuning it trains on. */
class NerTopLayerTest {
  private static final NerModelConfig CONFIG = new NerModelConfig(TrainNer.ENCODER, null, 64, 16,
      NerLabels.ENTITIES, 8, TokenFeatures.WIDTH, 0.5);
  private static final List<String> TEXTS = List.of("Anna Schmidt moved to Berlin.", "word ".repeat(90), "short");
  private static ModelCache.Lease<EncoderModel> encoder;

  @BeforeAll
  static void load() {
    encoder = ModelLoader.sharedEncoder(CONFIG.encoderSpec("cpu"), 0);
  }

  @AfterAll
  static void release() {
    encoder.close();
  }

  @Test
  void anUntrainedCopyOfTheLastLayerGivesTheSharedEncodersStatesAndSurvivesSavingAndLoading() throws IOException {
    EncoderModel e = encoder.get();
    List<TokenOutputs> shared = e.tokenStates(TEXTS);
    try (NDManager manager = e.encoder().manager().newSubManager()) {
      ReplacementLayer copy = NerTopLayer.copyOfLast(e, manager);
      assertClose(shared, e.perToken(TEXTS, e.config().numLayers() - 1, (h, m) -> NerTopLayer.apply(copy, h, m)));
      ByteArrayOutputStream saved = new ByteArrayOutputStream();
      copy.saveParameters(new DataOutputStream(saved));
      ReplacementLayer loaded = NerTopLayer.load(e, manager,
          new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
      assertClose(shared, e.perToken(TEXTS, e.config().numLayers() - 1, (h, m) -> NerTopLayer.apply(loaded, h, m)));
    }
  }

  @Test
  void positionsLabelledMinusOneDoNotCountInTheLoss() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      WeightedTagLoss loss = new WeightedTagLoss(3, 2f);
      NDArray logits = m.create(new float[] {1, 2, 0, 0, 3, 1, 5, -1, 2}, new ai.djl.ndarray.types.Shape(3, 3));
      float all = loss.evaluate(new NDList(m.create(new int[] {0, 1, -1})), new NDList(logits)).getFloat();
      float kept = loss.evaluate(new NDList(m.create(new int[] {0, 1})),
          new NDList(logits.get("0:2"))).getFloat();
      assertEquals(kept, all, 1e-6);
    }
  }

  private static void assertClose(List<TokenOutputs> expected, List<TokenOutputs> actual) {
    for (int t = 0; t < expected.size(); t++) {
      float[][] a = expected.get(t).values();
      float[][] b = actual.get(t).values();
      assertEquals(a.length, b.length);
      for (int i = 0; i < a.length; i++) {
        for (int k = 0; k < a[i].length; k++) {
          assertEquals(a[i][k], b[i][k], 1e-4, "text " + t + " token " + i);
        }
      }
    }
  }
}
