package io.sluice.models.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.ModelLoader;
import io.sluice.models.ModelSpec;
import io.sluice.models.encoder.Pooling;
import io.sluice.models.runtime.TokenOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heads train with DJL's Trainer on MiniLM, save as a model directory and reload with the same outputs. */
class HeadTrainingTest {
  private static final ModelSpec BASE = ModelSpec.embedded("all-minilm-l6-v2");
  private static final String[] NAMES = {"Alice", "Bob", "Maria", "Chen", "Olga", "Pedro"};
  private static final String[] CITIES = {"Paris", "Berlin", "Tokyo", "Lima", "Oslo", "Cairo"};

  private static TokenExample example(String prefix, String name, String city) {
    String text = prefix + name + " flew to " + city + " yesterday.";
    int nameStart = prefix.codePointCount(0, prefix.length());
    int nameEnd = nameStart + name.length();
    int cityStart = nameEnd + " flew to ".length();
    return new TokenExample(text, List.of(new LabeledSpan(nameStart, nameEnd, "PERSON", 1),
        new LabeledSpan(cityStart, cityStart + city.length(), "LOCATION", 1)));
  }

  @Test
  void tokenHeadOnFrozenEncoderLearnsSavesAndReloads(@TempDir Path dir) throws Exception {
    List<TokenExample> examples = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      for (int j = 0; j < 3; j++) {
        examples.add(example(j == 0 ? "" : j == 1 ? "😀 " : "Note: ", NAMES[i], CITIES[(i + j) % CITIES.length]));
      }
    }
    List<String> labels = List.of("O", "B-PERSON", "I-PERSON", "B-LOCATION", "I-LOCATION");
    try (TrainedModel trained = HeadTrainer.trainTokenClassifier(BASE, labels, examples,
        new TrainingOptions(12, 5e-3f, 8, true, 7))) {
      TrainingReport report = trained.report();
      assertTrue(report.lastLoss() < report.firstLoss() * 0.5f, "loss " + report.epochLosses());

      String probe = "😀 Olga flew to Tokyo yesterday.";
      TokenClassifier classifier = trained.tokenClassifier();
      List<LabeledSpan> spans = classifier.predict(List.of(probe)).get(0);
      assertEquals(List.of("PERSON", "LOCATION"), spans.stream().map(LabeledSpan::label).toList());
      assertEquals(2, spans.get(0).start()); // code points: the emoji counts once
      assertEquals(6, spans.get(0).end());
      assertEquals(15, spans.get(1).start());
      assertEquals(20, spans.get(1).end());

      trained.save(dir, "HeadTrainingTest");
      for (String f : List.of("model.safetensors", "config.json", "labels.json", "tokenizer.json", "MODEL_CARD.md")) {
        assertTrue(Files.isRegularFile(dir.resolve(f)), f);
      }
      assertTrue(Files.readString(dir.resolve("MODEL_CARD.md")).contains("| 12 |"));

      ModelSpec saved = ModelSpec.of("ner-test", ModelSpec.SourceKind.TRAINED_DIR, dir.toString(),
          ModelSpec.Task.TOKEN_CLASSIFICATION);
      try (TokenClassifier reloaded = ModelLoader.loadTokenClassifier(saved, 0)) {
        assertEquals(labels, reloaded.labels());
        TokenOutputs before = classifier.tokenProbabilities(List.of(probe)).get(0);
        TokenOutputs after = reloaded.tokenProbabilities(List.of(probe)).get(0);
        for (int i = 0; i < before.size(); i++) {
          for (int k = 0; k < labels.size(); k++) {
            assertEquals(before.values()[i][k], after.values()[i][k], 1e-5f);
          }
        }
        assertEquals(spans, reloaded.predict(List.of(probe)).get(0));
      }
      // a trained directory is not a sequence classifier
      assertThrows(IllegalArgumentException.class, () -> ModelLoader.loadSequenceClassifier(saved, 0));
    }
  }

  @Test
  void sequenceHeadFineTunesTheEncoderAndReducesLoss(@TempDir Path dir) throws Exception {
    List<SequenceExample> examples = new ArrayList<>();
    String[] weather = {"It is raining hard today.", "Sunny skies and a warm breeze.", "Snow is expected tonight.",
        "A storm is coming from the west."};
    String[] money = {"The bank raised interest rates.", "Stocks fell sharply at the open.",
        "The company reported record profits.", "Bond yields climbed again."};
    for (String w : weather) {
      examples.add(new SequenceExample(w, new float[] {1, 0}));
    }
    for (String m : money) {
      examples.add(new SequenceExample(m, new float[] {0, 1}));
    }
    try (TrainedModel trained = HeadTrainer.trainSequenceClassifier(BASE, List.of("weather", "finance"), false,
        Pooling.MEAN, examples, new TrainingOptions(3, 2e-4f, 8, false, 3))) {
      assertTrue(trained.report().lastLoss() < trained.report().firstLoss(), "loss " + trained.report().epochLosses());
      SequenceClassifier classifier = trained.sequenceClassifier();
      float[][] p = classifier.predict(List.of("Heavy rain and wind tonight.", "Shares of the bank dropped."));
      assertEquals(1f, p[0][0] + p[0][1], 1e-5f, "softmax over exclusive labels");
      trained.save(dir, "HeadTrainingTest fine-tune");
      try (SequenceClassifier reloaded = ModelLoader.loadSequenceClassifier(ModelSpec.of("topic",
          ModelSpec.SourceKind.TRAINED_DIR, dir.toString(), ModelSpec.Task.SEQUENCE_CLASSIFICATION), 0)) {
        float[][] q = reloaded.predict(List.of("Heavy rain and wind tonight.", "Shares of the bank dropped."));
        assertEquals(p[0][0], q[0][0], 1e-5f);
        assertEquals(p[1][1], q[1][1], 1e-5f);
      }
    }
  }

  @Test
  void multiLabelHeadUsesSigmoidScores() {
    List<SequenceExample> examples = List.of(
        new SequenceExample("I hate you and I will hurt you.", new float[] {1, 1}),
        new SequenceExample("You are stupid.", new float[] {1, 0}),
        new SequenceExample("I will find you and hurt you.", new float[] {0, 1}),
        new SequenceExample("Have a lovely day!", new float[] {0, 0}));
    try (TrainedModel trained = HeadTrainer.trainSequenceClassifier(BASE, List.of("insult", "threat"), true,
        Pooling.MEAN, examples, new TrainingOptions(15, 1e-2f, 4, true, 1))) {
      assertTrue(trained.report().lastLoss() < trained.report().firstLoss());
      float[][] p = trained.sequenceClassifier().predict(List.of("Have a lovely day!"));
      assertTrue(p[0][0] < 0.5f && p[0][1] < 0.5f, "independent scores, not a distribution");
    }
  }

  @Test
  void badTrainingInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> HeadTrainer.trainTokenClassifier(BASE, List.of("B-PERSON"),
        List.of(), new TrainingOptions(1, 1e-3f, 2, true, 1)));
    assertThrows(IllegalArgumentException.class, () -> new TrainingOptions(0, 1e-3f, 2, true, 1));
  }
}
