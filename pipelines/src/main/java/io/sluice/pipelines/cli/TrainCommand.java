package io.sluice.pipelines.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice train}: trains a model head; each task is a subcommand. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model head on labelled data.")
final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name what to train, e.g. 'sluice train moderation --help'");
  }
}
