package io.sluice.pii;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entity found by a recognizer, in UTF-16 char offsets of the Java string it was found in.
 *
 * <p>Recognizers work in char offsets because {@link java.util.regex} and most Java text APIs do;
 * {@link CodePoints} converts to the code-point offsets of the output contract at the edge.
 *
 * @param entityType Presidio entity name, e.g. {@code EMAIL_ADDRESS}
 * @param start first char, inclusive
 * @param end last char, exclusive
 * @param score confidence in [0, 1]
 * @param detector name of the recognizer that produced it
 */
public record Detection(String entityType, int start, int end, double score, String detector)
    implements Serializable {

  public Detection {
    Objects.requireNonNull(entityType, "a detection's entity type is null");
    Objects.requireNonNull(detector, "a detection's detector is null");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span [" + start + ", " + end + ")");
    }
    if (score < 0 || score > 1) {
      throw new IllegalArgumentException("score outside [0,1]: " + score);
    }
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Detection other) {
    return start < other.end && other.start < end;
  }

  public Detection withScore(double newScore) {
    return new Detection(entityType, start, end, Math.min(1.0, Math.max(0.0, newScore)), detector);
  }
}
