package io.sluice.models.generate;

/** Decides whether a generated text is acceptable; the reason goes into the dead letter when it never is. */
@FunctionalInterface
public interface OutputCheck {
  /** Null when the text is acceptable, else why not (without quoting the text: it may hold personal data). */
  String problem(String text);
}
