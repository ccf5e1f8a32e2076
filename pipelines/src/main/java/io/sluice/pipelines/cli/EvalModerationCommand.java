package io.sluice.pipelines.cli;

import io.sluice.models.moderation.EvalModeration;
import io.sluice.models.moderation.GoldFile;
import io.sluice.models.moderation.ModerationCategory;
import io.sluice.models.moderation.ModerationModels;
import io.sluice.models.moderation.ModerationScorer;
import io.sluice.pipelines.ConfigException;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import io.sluice.transforms.Moderate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice eval moderation --gold FILE}: per-category AUROC, AUPRC and precision/recall/F1 at the
 * policy's thresholds (the model's tuned ones where the policy sets none), on labelled JSONL lines
 * {"text": ..., "labels": [...]}.
 */
@Command(name = "moderation", mixinStandardHelpOptions = true,
    description = "Evaluate the policy's moderation model on labelled JSONL ({\"text\", \"labels\": [...]}).")
final class EvalModerationCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Labelled JSONL.")
  Path gold;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "YAML policy whose moderation: section gives model and thresholds (default: built-in).")
  Path policy;

  private final PrintStream out;

  EvalModerationCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    FileOptions.requireFile(gold, "--gold");
    Policy p = policy == null ? PolicyLoader.defaultPolicy() : PolicyLoader.load(policy);
    GoldFile.Read read = GoldFile.read(gold);
    if (read.examples().isEmpty()) {
      throw new ConfigException("gold file " + gold + " has no readable {\"text\", \"labels\"} lines");
    }
    try (ModerationScorer scorer = ModerationModels.load(Moderate.modelOf(p.moderation), 0)) {
      float[] model = scorer.defaultThresholds();
      float[] thresholds = new float[model.length];
      for (ModerationCategory c : ModerationCategory.values()) {
        thresholds[c.ordinal()] = (float) p.moderation.thresholdFor(c, model[c.ordinal()]);
      }
      EvalModeration.print(out, read, EvalModeration.evaluate(scorer, read.examples(), thresholds), scorer);
    }
    return 0;
  }
}
