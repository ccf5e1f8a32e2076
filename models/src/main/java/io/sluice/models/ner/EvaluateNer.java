package io.sluice.models.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.models.eval.EvaluationResult;
import io.sluice.models.eval.SkipWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Re-measures a trained NER directory on the model card's held-out sets and rewrites its metrics.json and the
 * card's metrics section (for a change in decoding, which needs no retraining):
 *
 * <pre>EvaluateNer --model DIR --data /work/shared/data [--seed 13]</pre>
 *
 * The seed and hold-out must be the ones the model was trained with: they pick the held-out generated documents
 * and WNUT-17 train sentences.
 */
public final class EvaluateNer {
  private EvaluateNer() {}

  public static void main(String[] args) throws Exception {
    Path model = null;
    Path data = null;
    long seed = 13;
    int holdout = TrainNer.DEFAULT_HOLDOUT;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--model" -> model = Path.of(args[i + 1]);
        case "--data" -> data = Path.of(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--holdout" -> holdout = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; usage: EvaluateNer --model DIR --data DIR [--seed N] [--holdout N]");
      }
    }
    if (model == null || data == null || args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: EvaluateNer --model DIR --data DIR [--seed N] [--holdout N]");
    }
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    Path skipFile = data.resolve("eval/skip_words_en.json");
    boolean hasSkip = Files.isRegularFile(skipFile);
    Map<String, EvaluationResult> metrics =
        TrainNer.evaluate(model, data, seed, TrainNer.wnutHoldout(data, seed, holdout), hasSkip ? SkipWords.read(skipFile) : SkipWords.none());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(model.resolve("metrics.json").toFile(), ModelCard.metricsJson(json, metrics));
    Path card = model.resolve(NerModel.CARD);
    String section = ModelCard.metricsSection(metrics, hasSkip)
        + "Re-measured with `EvaluateNer --model " + model + " --data " + data + " --seed " + seed + " --holdout " + holdout + "`.\n\n";
    Files.writeString(card, ModelCard.withMetrics(Files.readString(card), section));
  }
}
