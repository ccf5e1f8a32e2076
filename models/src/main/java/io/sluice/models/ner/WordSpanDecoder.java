package io.sluice.models.ner;

import io.sluice.models.heads.LabeledSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-token BIO probabilities into entity spans, word by word: the word pieces of one word share one
 * decision (their probabilities averaged), so a span never starts or ends inside a word. A word takes the
 * entity type with the highest B+I probability unless "O" is more probable; it starts a new span when its
 * type differs from the previous word's or B outweighs I. A span's score is the mean of its words' type
 * probabilities.
 */
final class WordSpanDecoder {
  private final List<String> entities;

  WordSpanDecoder(List<String> entities) {
    this.entities = List.copyOf(entities);
  }

  /**
   * @param text the original text (for word boundaries)
   * @param starts token starts in code points
   * @param ends token ends in code points
   * @param probs [tokens][tags] softmax probabilities, tags as {@link NerLabels#tags}
   */
  List<LabeledSpan> decode(String text, int[] starts, int[] ends, float[][] probs) {
    int[] cps = text.codePoints().toArray();
    List<LabeledSpan> spans = new ArrayList<>();
    int openType = -1;
    int openStart = 0;
    int openEnd = 0;
    double scoreSum = 0;
    int words = 0;
    int i = 0;
    while (i < starts.length) {
      int j = i + 1;
      while (j < starts.length && joins(cps, ends[j - 1], starts[j])) {
        j++;
      }
      float[] p = mean(probs, i, j);
      int type = -1;
      double best = p[0];
      for (int e = 0; e < entities.size(); e++) {
        int b = NerLabels.beginTag(e);
        if (p[b] + p[b + 1] > best) {
          best = p[b] + p[b + 1];
          type = e;
        }
      }
      boolean begins = type >= 0 && p[NerLabels.beginTag(type)] > p[NerLabels.beginTag(type) + 1];
      if (openType >= 0 && (type != openType || begins)) {
        spans.add(new LabeledSpan(openStart, openEnd, entities.get(openType), (float) (scoreSum / words)));
        openType = -1;
      }
      if (type >= 0) {
        if (openType < 0) {
          openType = type;
          openStart = starts[i];
          scoreSum = 0;
          words = 0;
        }
        openEnd = ends[j - 1];
        scoreSum += Math.min(1.0, best);
        words++;
      }
      i = j;
    }
    if (openType >= 0) {
      spans.add(new LabeledSpan(openStart, openEnd, entities.get(openType), (float) (scoreSum / words)));
    }
    return spans;
  }

  /** Two adjacent tokens are pieces of one word when nothing separates them and both sides are alphanumeric. */
  private static boolean joins(int[] cps, int previousEnd, int start) {
    return previousEnd == start && start > 0 && start < cps.length
        && Character.isLetterOrDigit(cps[start - 1]) && Character.isLetterOrDigit(cps[start]);
  }

  private static float[] mean(float[][] probs, int from, int to) {
    float[] m = new float[probs[from].length];
    for (int t = from; t < to; t++) {
      for (int k = 0; k < m.length; k++) {
        m[k] += probs[t][k] / (to - from);
      }
    }
    return m;
  }
}
