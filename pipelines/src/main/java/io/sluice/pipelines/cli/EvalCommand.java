package io.sluice.pipelines.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice eval}: evaluations against labelled data; each task is a subcommand. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model against labelled data.")
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name what to evaluate, e.g. 'sluice eval moderation --help'");
  }
}
