package io.sluice.pipelines.cli;

import io.sluice.pipelines.sweep.ModerationSweep;
import io.sluice.pipelines.sweep.PiiSweep;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice}: the command-line entry point. Each job is a subcommand (sweep now; models, train,
 * eval, moderate, extract, synthesize as they are built) registered in {@link #commandLine}.
 * Exit codes: 0 success, 1 failure or a run that does not reconcile, 2 configuration mistake.
 */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    version = "sluice 0.1.0",
    description = "Batch PII sweeps and SLM jobs over document corpora on Apache Beam.",
    subcommands = CommandLine.HelpCommand.class)
public final class SluiceCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command, e.g. 'sluice sweep --help'");
  }

  public static void main(String[] args) {
    System.exit(commandLine(PiiSweep::run, ModerationSweep::run, System.out).execute(args));
  }

  /** The command tree, with each job's runner given so that tests can run the CLI on small stages. */
  public static CommandLine commandLine(SweepRunner sweeps, PrintStream out) {
    return commandLine(sweeps, ModerationSweep::run, out);
  }

  /** As above, with the runner of {@code sluice moderate} given too. */
  public static CommandLine commandLine(SweepRunner sweeps, SweepRunner moderations, PrintStream out) {
    CommandLine cli = new CommandLine(new SluiceCli());
    cli.addSubcommand("sweep", new SweepCommand(sweeps, out));
    cli.addSubcommand("moderate", ModerateCommand.create(moderations, out));
    cli.addSubcommand("models", new ModelsCommand(out));
    cli.addSubcommand("generate", new GenerateCommand(out));
    cli.addSubcommand("synthesize", new SynthesizeCommand(out));
    cli.addSubcommand("extract", new ExtractCommand(out));
    cli.addSubcommand("bench", new BenchCommand());
    cli.addSubcommand("eval", new CommandLine(new EvalCommand()).addSubcommand("pii", new EvalPiiCommand(out))
        .addSubcommand("extract", new EvalExtractCommand(out))
        .addSubcommand("moderation", new EvalModerationCommand(out)));
    cli.addSubcommand("train", new CommandLine(new TrainCommand()).addSubcommand("ner", new TrainNerCommand())
        .addSubcommand("moderation", new TrainModerationCommand()).addSubcommand("extract", new TrainExtractCommand()));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ConfigErrorHandler());
    return cli;
  }
}
