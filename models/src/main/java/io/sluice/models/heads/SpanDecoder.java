package io.sluice.models.heads;

import io.sluice.models.runtime.TokenOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-token label probabilities into spans: each token takes its most probable label; consecutive
 * tokens with the same entity type join (a "B-" tag starts a new span); "O" ends a span. A span's score is
 * the mean of its tokens' probabilities.
 */
final class SpanDecoder {
  private static final String OUTSIDE = "O";
  private final List<String> labels;

  SpanDecoder(List<String> labels) {
    this.labels = labels;
  }

  List<LabeledSpan> decode(TokenOutputs tokens) {
    List<LabeledSpan> spans = new ArrayList<>();
    String type = null;
    int start = 0;
    int end = 0;
    double scoreSum = 0;
    int count = 0;
    for (int i = 0; i < tokens.size(); i++) {
      float[] p = tokens.values()[i];
      int best = argmax(p);
      String label = labels.get(best);
      String tokenType = label.equals(OUTSIDE) ? null : stripPrefix(label);
      boolean begins = label.startsWith("B-");
      if (type != null && (tokenType == null || !tokenType.equals(type) || begins)) {
        spans.add(new LabeledSpan(start, end, type, (float) (scoreSum / count)));
        type = null;
      }
      if (tokenType != null) {
        if (type == null) {
          type = tokenType;
          start = tokens.starts()[i];
          scoreSum = 0;
          count = 0;
        }
        end = tokens.ends()[i];
        scoreSum += p[best];
        count++;
      }
    }
    if (type != null) {
      spans.add(new LabeledSpan(start, end, type, (float) (scoreSum / count)));
    }
    return spans;
  }

  private static String stripPrefix(String label) {
    return label.startsWith("B-") || label.startsWith("I-") ? label.substring(2) : label;
  }

  private static int argmax(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
