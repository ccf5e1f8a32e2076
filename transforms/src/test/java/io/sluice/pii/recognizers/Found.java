package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Test helper: what a recognizer finds, as the covered strings and their scores. */
final class Found {

  private Found() {}

  /** Covered strings in text order (recognizers emit pattern by pattern). */
  static List<String> texts(Recognizer recognizer, String text) {
    return recognizer.analyze(text).stream()
        .sorted(Comparator.comparingInt(Detection::start).thenComparingInt(Detection::end))
        .map(d -> text.substring(d.start(), d.end()))
        .collect(Collectors.toList());
  }

  static double score(Recognizer recognizer, String text, String covered) {
    for (Detection d : recognizer.analyze(text)) {
      if (text.substring(d.start(), d.end()).equals(covered)) {
        return d.score();
      }
    }
    throw new AssertionError("not found: " + covered + " in " + texts(recognizer, text));
  }
}
