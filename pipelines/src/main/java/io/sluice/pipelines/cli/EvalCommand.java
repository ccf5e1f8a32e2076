package io.sluice.pipelines.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice eval}: groups the evaluation commands (pii, moderation, extract). */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate detection, moderation and extraction against gold annotations.")
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name what to evaluate, e.g. 'sluice eval pii --help'");
  }
}
