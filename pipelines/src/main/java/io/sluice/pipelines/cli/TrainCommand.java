package io.sluice.pipelines.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice train}: groups the training commands (ner, moderation, extract). */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train the models Sluice ships.")
final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name what to train, e.g. 'sluice train ner --help'");
  }
}
