package io.sluice.pipelines.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sluice moderate}: moderation alone, with the sweep's input, output, runner and format options
 * (built from {@link SweepCommand}'s, less the PII-only ones, so the two commands cannot drift apart).
 */
final class ModerateCommand {
  private ModerateCommand() {}

  static CommandLine create(SweepRunner moderations, PrintStream out) {
    CommandSpec spec = CommandSpec.forAnnotatedObject(new SweepCommand(moderations, out));
    spec.name("moderate");
    spec.usageMessage().description(
        "Score every document for toxicity, hate, harassment, sexual, violence, self_harm and spam, and act as the",
        "policy's moderation: section says. Writes kept documents (unchanged) to documents/, quarantined ones to",
        "quarantine/, one result per document to moderation/, plus dead_letter/, summary.json and report.html.");
    spec.remove(spec.findOption("--moderate"));
    spec.remove(spec.findOption("--report-only"));
    return new CommandLine(spec);
  }
}
