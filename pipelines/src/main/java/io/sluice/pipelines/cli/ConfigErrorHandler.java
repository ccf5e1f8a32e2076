package io.sluice.pipelines.cli;

import io.sluice.pipelines.ConfigException;
import io.sluice.policy.PolicyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a configuration mistake into its message and exit code 2 (as picocli does for bad flags), and
 * any other failure into a one-line error and exit code 1. Stack traces only with SLUICE_DEBUG=1: they
 * help developers, not users.
 */
final class ConfigErrorHandler implements IExecutionExceptionHandler {
  static final int CONFIG_ERROR = CommandLine.ExitCode.USAGE;
  static final int FAILED = CommandLine.ExitCode.SOFTWARE;

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    boolean config = e instanceof ConfigException || e instanceof PolicyException;
    command.getErr().println(command.getColorScheme().errorText(
        (config ? "configuration error: " : "failed: ") + describe(e)));
    if ("1".equals(System.getenv("SLUICE_DEBUG"))) {
      e.printStackTrace(command.getErr());
    } else if (!config) {
      command.getErr().println("(set SLUICE_DEBUG=1 for the stack trace)");
    }
    return config ? CONFIG_ERROR : FAILED;
  }

  private static String describe(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
