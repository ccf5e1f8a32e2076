package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.weights.Tensor;
import java.util.ArrayList;
import java.util.List;
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
    ModerationHeadTrainer.Settings settings = new ModerationHeadTrainer.Settings(16, 0f, 60, 32, 0.05f, 0f, 8f, 3);
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
}
