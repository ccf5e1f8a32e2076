package io.sluice.synth.gate;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * Why the gate rejects a record: its dead-letter kind and a message that names the other record or source
 * document, never the text. A record can collect several (it may copy a source document and duplicate another
 * record); the one reported is the first by kind in {@link #KINDS_BY_PRIORITY}, then by the lowest other index,
 * so the choice does not depend on the order the runner delivers them in.
 *
 * @param otherIndex index of the record this one duplicates, or -1
 */
record Rejection(String kind, long otherIndex, String message) implements Serializable {

  /** Reported first: a leak matters more than a copy, a copy of the source more than a copy of another record. */
  static final List<String> KINDS_BY_PRIORITY = List.of(
      GateErrorKinds.PII_LEAK,
      GateErrorKinds.NEAR_DUPLICATE_SOURCE,
      GateErrorKinds.EXACT_DUPLICATE,
      GateErrorKinds.DUPLICATE_INDEX,
      GateErrorKinds.NEAR_DUPLICATE_OUTPUT);

  static final Comparator<Rejection> ORDER =
      Comparator.<Rejection>comparingInt(r -> KINDS_BY_PRIORITY.indexOf(r.kind()))
          .thenComparingLong(Rejection::otherIndex)
          .thenComparing(Rejection::message);
}
