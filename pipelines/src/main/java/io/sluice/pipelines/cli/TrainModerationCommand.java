package io.sluice.pipelines.cli;

import io.sluice.models.moderation.TrainModeration;
import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice train moderation}: trains the moderation head (see TrainModeration) into a model directory. */
@Command(name = "moderation", mixinStandardHelpOptions = true, description = {
    "Train the moderation head on the public sets under DATA/moderation (Davidson, ToxiGen, SMS spam) plus the",
    "bundled templates; writes weights, config, labels, thresholds, metrics and MODEL_CARD.md to --out."})
final class TrainModerationCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder holding moderation/.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
  Path out;

  @Option(names = "--seed", defaultValue = "13", description = "Seed for splits, templates and training.")
  long seed;

  @Option(names = "--epochs", defaultValue = "25", description = "Head training epochs.")
  int epochs;

  @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache (default: a folder in java.io.tmpdir).")
  Path cache;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(data.resolve("moderation"))) {
      throw new ConfigException("--data " + data + " has no moderation/ folder");
    }
    Path cacheDir = cache != null ? cache : Path.of(System.getProperty("java.io.tmpdir"), "sluice-moderation-cache");
    TrainModeration.run(data, out, seed, cacheDir, epochs, "scripts/sluice train moderation --data " + data
        + " --out " + out + " --seed " + seed + " --epochs " + epochs);
    return 0;
  }
}
