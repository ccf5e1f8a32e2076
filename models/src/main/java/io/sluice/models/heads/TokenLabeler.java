package io.sluice.models.heads;

import io.sluice.models.text.TokenizedText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns each token a label index from entity spans: with a BIO tag set the first token inside a span gets
 * "B-TYPE" and the rest "I-TYPE"; with plain labels every token inside gets "TYPE"; tokens outside get "O".
 */
final class TokenLabeler {
  private final Map<String, Integer> index = new HashMap<>();
  private final boolean bio;

  TokenLabeler(List<String> labels) {
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    if (!index.containsKey("O")) {
      throw new IllegalArgumentException("token labels need an \"O\" label for text outside entities");
    }
    bio = labels.stream().anyMatch(l -> l.startsWith("B-"));
  }

  int[] labels(TokenizedText text, List<LabeledSpan> spans) {
    int[] out = new int[text.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = index.get("O");
      for (LabeledSpan s : spans) {
        if (text.starts()[i] >= s.start() && text.ends()[i] <= s.end()) {
          boolean first = i == 0 || text.starts()[i - 1] < s.start();
          out[i] = lookup(bio ? (first ? "B-" : "I-") + s.label() : s.label());
        }
      }
    }
    return out;
  }

  private int lookup(String label) {
    Integer i = index.get(label);
    if (i == null) {
      throw new IllegalArgumentException("training span label " + label + " is not in the label set");
    }
    return i;
  }
}
