package io.sluice.models.cli;

import java.util.Map;
import java.util.function.Function;

/**
 * The "--name value" arguments, and the value-less flags a command declares, of the main classes behind training
 * and benchmark commands (picocli parses the CLI's own commands; these mains are also run directly with java -cp).
 * One place decides what a dangling name, an unknown name and a non-number are told, so every such main fails the
 * same way.
 */
public final class OptionPairs {
  /** Applies one option's value; returns false when {@code name} is not an option of the command. */
  @FunctionalInterface
  public interface Option {
    boolean apply(String name, String value);
  }

  private OptionPairs() {}

  /**
   * Applies each pair in order (a later value of a name wins). {@code usage} turns a problem into the exception
   * to throw, typically with the command's usage text appended.
   */
  public static void apply(String[] args, Option option, Function<String, IllegalArgumentException> usage) {
    apply(args, Map.of(), option, usage);
  }

  /** As above, where the names in {@code flags} stand alone (no value) and run their action when given. */
  public static void apply(String[] args, Map<String, Runnable> flags, Option option,
      Function<String, IllegalArgumentException> usage) {
    int i = 0;
    while (i < args.length) {
      String name = args[i];
      Runnable flag = flags.get(name);
      if (flag != null) {
        flag.run();
        i++;
        continue;
      }
      if (i + 1 >= args.length) {
        throw usage.apply("option " + name + " needs a value");
      }
      boolean known;
      try {
        known = option.apply(name, args[i + 1]);
      } catch (NumberFormatException e) {
        throw usage.apply("option " + name + " needs a number, not " + args[i + 1]);
      }
      if (!known) {
        throw usage.apply("unknown option " + name);
      }
      i += 2;
    }
  }
}
