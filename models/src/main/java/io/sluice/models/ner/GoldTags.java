package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import java.util.List;

/**
 * Training targets: the BIO tag of each token given gold spans in code points. A token overlapping a span
 * takes its type; the first such token of each span is B-, the rest I-. Types outside the model's entity
 * list are outside.
 */
final class GoldTags {
  private GoldTags() {}

  static int[] of(List<EntitySpan> spans, int[] starts, int[] ends, List<String> entities) {
    int[] tags = new int[starts.length];
    int lastSpan = -1;
    for (int i = 0; i < starts.length; i++) {
      for (int s = 0; s < spans.size(); s++) {
        EntitySpan span = spans.get(s);
        int entity = entities.indexOf(span.type());
        if (entity >= 0 && span.start() < ends[i] && starts[i] < span.end()) {
          tags[i] = NerLabels.beginTag(entity) + (s == lastSpan ? 1 : 0);
          lastSpan = s;
          break;
        }
      }
    }
    return tags;
  }
}
