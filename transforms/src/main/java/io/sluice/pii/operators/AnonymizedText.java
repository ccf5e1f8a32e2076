package io.sluice.pii.operators;

import java.util.List;

/**
 * The rewritten text and, for each input detection in input order, the name of the operator applied to
 * it ({@link Anonymizer#SKIPPED} for a detection that overlapped an earlier one or fell outside the text).
 */
public record AnonymizedText(String text, List<String> operatorPerDetection) {
  public AnonymizedText {
    operatorPerDetection = List.copyOf(operatorPerDetection);
  }
}
