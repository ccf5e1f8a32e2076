package io.sluice.models.moderation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a moderation model on labelled JSONL ({@link GoldFile}) and prints per-category AUROC, AUPRC and
 * precision/recall/F1 at the thresholds in force: the model's, overridden by {@code --threshold cat=value}
 * (repeatable; the CLI passes the policy's thresholds this way).
 * {@code EvalModeration --gold FILE [--model SPEC.json] [--threshold toxicity=0.4 ...]}
 */
public final class EvalModeration {
  private static final int BATCH = 256;

  private EvalModeration() {}

  public static void main(String[] args) throws Exception {
    CommandLine cli = CommandLine.parse(args);
    ModerationModelSpec spec = cli.optional("--model", null) == null
        ? ModerationModelSpec.embedded() : ModerationModelSpec.fromFile(Path.of(cli.required("--model")));
    GoldFile.Read gold = GoldFile.read(Path.of(cli.required("--gold")));
    try (ModerationScorer scorer = ModerationModels.load(spec, 0)) {
      float[] thresholds = scorer.defaultThresholds();
      for (String t : cli.all("--threshold")) {
        String[] kv = t.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("--threshold takes category=value");
        }
        thresholds[ModerationCategory.parse(kv[0]).ordinal()] = Float.parseFloat(kv[1]);
      }
      print(System.out, gold, evaluate(scorer, gold.examples(), thresholds), scorer);
    }
  }

  /** Scores the examples in batches and computes the per-category rows. */
  public static List<ModerationEvaluation.CategoryRow> evaluate(ModerationScorer scorer, List<LabeledText> examples,
      float[] thresholds) {
    float[][] scores = new float[examples.size()][];
    for (int start = 0; start < examples.size(); start += BATCH) {
      List<String> texts = examples.subList(start, Math.min(examples.size(), start + BATCH)).stream()
          .map(LabeledText::text).toList();
      float[][] s = scorer.score(texts);
      System.arraycopy(s, 0, scores, start, s.length);
    }
    return ModerationEvaluation.perCategory(examples, scores, thresholds);
  }

  public static void print(PrintStream out, GoldFile.Read gold, List<ModerationEvaluation.CategoryRow> rows,
      ModerationScorer scorer) {
    out.printf(Locale.ROOT, "model %s; %d examples, %d unreadable lines skipped%n", scorer.id(),
        gold.examples().size(), gold.badLines());
    out.print(ModerationEvaluation.table(rows));
    for (ModerationCategory c : ModerationCategory.values()) {
      if (!scorer.covered().contains(c)) {
        out.printf(Locale.ROOT, "note: the model does not predict %s; its row scores every text 0%n", c.label());
      }
    }
  }
}
