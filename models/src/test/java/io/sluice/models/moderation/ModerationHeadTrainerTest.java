package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.sluice.models.weights.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The wide-and-deep head learns from either path: a label carried only by a word (the embeddings are noise)
 * through the lexical path, and a label carried only by the embedding through the deep path.
 */
class ModerationHeadTrainerTest {
  private static final int BUCKETS = 1 << 10;
  private static final String[] FILLER = {"see you at the meeting", "lunch is at noon", "the report is ready",
      "call me later today", "thanks for the update", "the train was late"};

  @Test
  void bothPathsLearnAndTheTrainedWeightsPredictTheSame() {
    Random random = new Random(5);
    List<String> texts = new ArrayList<>();
    List<float[]> embeddings = new ArrayList<>();
    List<float[]> targets = new ArrayList<>();
    for (int i = 0; i < 96; i++) {
      boolean prize = i % 5 == 0; // with every filler, so only the prize words tell
      boolean deep = i % 4 == 0;
      texts.add(FILLER[i % FILLER.length] + (prize ? " you won a prize" : ""));
      float[] e = new float[8];
      for (int j = 0; j < e.length; j++) {
        e[j] = (float) random.nextGaussian() * 0.1f;
      }
      e[0] = deep ? 1f : -1f;
      embeddings.add(e);
      targets.add(new float[] {prize ? 1f : 0f, deep ? 1f : 0f});
    }
    LexicalFeatures lexical = LexicalFeatures.fit(texts, BUCKETS);
    ModerationHeadTrainer.Inputs inputs = new ModerationHeadTrainer.Inputs(embeddings.toArray(float[][]::new),
        texts.stream().map(lexical::of).toList());
    ModerationHeadTrainer.Settings settings =
        new ModerationHeadTrainer.Settings(16, 0f, 60, 32, 0.05f, 0f, 8f, null, 3);
    List<Integer> epochs = new ArrayList<>();
    List<Tensor> weights = new ModerationHeadTrainer(settings).train(inputs, BUCKETS,
        targets.toArray(float[][]::new), epochs::add);
    assertEquals(60, epochs.size());

    ModerationHeadTrainer.Inputs probes = new ModerationHeadTrainer.Inputs(
        new float[][] {{-1f, 0, 0, 0, 0, 0, 0, 0}, {1f, 0, 0, 0, 0, 0, 0, 0}},
        List.of(lexical.of("thanks for the update you won a prize"), lexical.of("thanks for the update")));
    float[][] p = ModerationHeadTrainer.predict(weights, 16, BUCKETS, probes);
    assertTrue(p[0][0] > 0.8f && p[1][0] < 0.2f, "lexical path: prize " + p[0][0] + " vs " + p[1][0]);
    assertTrue(p[1][1] > 0.8f && p[0][1] < 0.2f, "deep path: " + p[1][1] + " vs " + p[0][1]);
    assertTrue(weights.stream().anyMatch(t -> t.name().equals("lexical.weight")));
  }

  @Test
  void aLexicalGainIsFoldedIntoTheSavedWeightsSoAPlainHeadScoresTheSame() {
    int buckets = 8;
    Random random = new Random(9);
    ModerationHead plain = new ModerationHead(4, 3, 2, buckets, 0f);
    ModerationHead gained = new ModerationHead(4, 3, 2, buckets, 0f, new float[] {1f, 6f});
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      plain.initialize(manager);
      gained.initialize(manager);
      List<Tensor> saved = new ArrayList<>();
      for (Tensor t : plain.toTensors()) {
        float[] data = new float[t.data().length];
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) random.nextGaussian();
        }
        saved.add(new Tensor(t.name(), t.shape(), data));
      }
      Map<String, Tensor> byName = new HashMap<>();
      saved.forEach(t -> byName.put(t.name(), t));
      plain.load(byName);
      gained.load(byName);
      float[][] embeddings = {{0.5f, -1f, 0.2f, 0f}, {1f, 0f, -0.3f, 0.7f}};
      List<LexicalFeatures.Sparse> lexical = List.of(new LexicalFeatures.Sparse(new int[] {1, 5}, new float[] {0.6f,
          0.8f}), new LexicalFeatures.Sparse(new int[] {2}, new float[] {1f}));
      float[][] p = plain.probabilities(manager, embeddings, lexical);
      float[][] g = gained.probabilities(manager, embeddings, lexical);
      for (int i = 0; i < p.length; i++) {
        assertArrayEquals(p[i], g[i], 1e-5f, "a gained head scores a file as a plain head does");
      }
      Tensor roundTrip = gained.toTensors().stream().filter(t -> t.name().equals("lexical.weight")).findFirst()
          .orElseThrow();
      assertArrayEquals(byName.get("lexical.weight").data(), roundTrip.data(), 1e-5f, "saved folded, as loaded");
    }
  }
}
