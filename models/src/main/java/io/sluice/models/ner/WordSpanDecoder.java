package io.sluice.models.ner;

import io.sluice.models.heads.LabeledSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-token BIO probabilities into entity spans:
 * <ol>
 *   <li>Words: the pieces of one word share one decision (their probabilities averaged), so a span never
 *       starts or ends inside a word (a word is a run of letters and digits, or everything between whitespace,
 *       per {@link NerModelConfig.Words}); a word belongs to an entity when its entity tags have at least the
 *       model's entity threshold of its mass (0.5 unless tuned; the threshold may differ by the word's most probable
 *       type).</li>
 *   <li>Runs of consecutive entity words are cut at line breaks into line pieces, each typed by the entity
 *       type with the most probability summed over its words; neighbouring pieces of the same type join again.
 *       So a multi-line address stays one span, while a name line above an address line stays a name.</li>
 *   <li>Punctuation-only words at either end of a span are dropped ("Paucek," gives "Paucek").</li>
 * </ol>
 * Typing a piece as a whole rather than word by word keeps "Domenic Mewes" one PERSON when the model hesitates
 * on one word. With alphanumeric-run words (names and places) B- tags are not used to split (measured: it cost
 * span precision on held-out documents, while adjacent entities with nothing between them are rare); with
 * whitespace-chunk words (field values) a line piece that starts with B- starts a new span. A span's score is the mean over its words of the
 * chosen type's probability.
 */
final class WordSpanDecoder {
  private final List<String> entities;
  private final float[] outsideBelow;
  private final NerModelConfig.Words words;

  /** @param entityThreshold a word is an entity word when its entity tags have at least this much mass */
  WordSpanDecoder(List<String> entities, double entityThreshold) {
    this(entities, entityThreshold, NerModelConfig.Words.ALPHANUMERIC_RUNS);
  }

  WordSpanDecoder(List<String> entities, double entityThreshold, NerModelConfig.Words words) {
    this(entities, sameForAll(entities, entityThreshold), words);
  }

  /**
   * @param entityThresholds per entity type, in {@code entities} order: a word whose most probable type is that
   *     type is an entity word when its entity tags have at least this much mass
   */
  WordSpanDecoder(List<String> entities, double[] entityThresholds, NerModelConfig.Words words) {
    if (entityThresholds.length != entities.size()) {
      throw new IllegalArgumentException("one entity threshold per entity type is needed");
    }
    this.entities = List.copyOf(entities);
    this.outsideBelow = new float[entityThresholds.length];
    for (int e = 0; e < entityThresholds.length; e++) {
      outsideBelow[e] = (float) (1 - entityThresholds[e]);
    }
    this.words = words;
  }

  private static double[] sameForAll(List<String> entities, double threshold) {
    double[] t = new double[entities.size()];
    java.util.Arrays.fill(t, threshold);
    return t;
  }

  /**
   * One word: its extent, its line, whether it has a letter or digit, its per-type probabilities, and per type
   * whether B- outweighs I- on its first token (the model sees the start of a value there; the word's later
   * tokens are I- by construction, so their mean would hide it).
   */
  private record Word(int start, int end, int line, boolean content, double[] types, boolean[] begins) {}

  /**
   * @param text the original text (for word and line boundaries)
   * @param starts token starts in code points
   * @param ends token ends in code points
   * @param probs [tokens][tags] softmax probabilities, tags as {@link NerLabels#tags}
   */
  List<LabeledSpan> decode(String text, int[] starts, int[] ends, float[][] probs) {
    int[] cps = text.codePoints().toArray();
    int[] lineOf = lines(cps);
    List<LabeledSpan> spans = new ArrayList<>();
    List<Word> run = new ArrayList<>();
    int i = 0;
    while (i < starts.length) {
      int j = i + 1;
      while (j < starts.length && joins(cps, ends[j - 1], starts[j])) {
        j++;
      }
      float[] p = mean(probs, i, j);
      double[] types = types(p);
      if (p[0] < outsideBelow[argMax(types)]) {
        run.add(new Word(starts[i], ends[j - 1], lineOf[Math.min(starts[i], cps.length)],
            hasContent(cps, starts[i], ends[j - 1]), types, begins(probs[i])));
      } else {
        emit(run, spans);
      }
      i = j;
    }
    emit(run, spans);
    return spans;
  }

  /** Cuts a run of entity words into typed spans (line pieces, same-type neighbours joined) and clears it. */
  private void emit(List<Word> run, List<LabeledSpan> out) {
    int from = 0;
    int openFrom = -1;
    int openType = -1;
    while (from < run.size()) {
      int to = from + 1;
      while (to < run.size() && run.get(to).line() == run.get(from).line()) {
        to++;
      }
      int type = bestType(run.subList(from, to));
      if (openFrom >= 0 && (type != openType || startsNewValue(run.get(from), type))) {
        addTrimmed(run.subList(openFrom, from), openType, out);
        openFrom = -1;
      }
      if (openFrom < 0) {
        openFrom = from;
        openType = type;
      }
      from = to;
    }
    if (openFrom >= 0) {
      addTrimmed(run.subList(openFrom, run.size()), openType, out);
    }
    run.clear();
  }

  private void addTrimmed(List<Word> words, int type, List<LabeledSpan> out) {
    int a = 0;
    int b = words.size();
    while (a < b && !words.get(a).content()) {
      a++;
    }
    while (b > a && !words.get(b - 1).content()) {
      b--;
    }
    if (a == b) {
      return;
    }
    double sum = 0;
    for (int k = a; k < b; k++) {
      sum += words.get(k).types()[type];
    }
    out.add(new LabeledSpan(words.get(a).start(), words.get(b - 1).end(), entities.get(type),
        (float) Math.min(1.0, sum / (b - a))));
  }

  private int bestType(List<Word> words) {
    double[] sums = new double[entities.size()];
    for (Word w : words) {
      for (int e = 0; e < sums.length; e++) {
        sums[e] += w.types()[e];
      }
    }
    return argMax(sums);
  }

  private static int argMax(double[] v) {
    int best = 0;
    for (int e = 1; e < v.length; e++) {
      if (v[e] > v[best]) {
        best = e;
      }
    }
    return best;
  }

  /**
   * Whether a line piece whose first word is {@code first} starts a new span of {@code type} rather than continuing
   * the one above: with whitespace-chunk words (field values), when the model gives that word B- over I-, so a
   * total printed on two consecutive lines gives two values while an address's lines stay one; names and places
   * (alphanumeric runs) never split here, as B- tags cost them precision.
   */
  private boolean startsNewValue(Word first, int type) {
    return words == NerModelConfig.Words.WHITESPACE_CHUNKS && first.begins()[type];
  }

  private boolean[] begins(float[] p) {
    boolean[] b = new boolean[entities.size()];
    for (int e = 0; e < b.length; e++) {
      b[e] = p[NerLabels.beginTag(e)] > p[NerLabels.beginTag(e) + 1];
    }
    return b;
  }

  /** P(B-type) + P(I-type) per entity type. */
  private double[] types(float[] p) {
    double[] t = new double[entities.size()];
    for (int e = 0; e < t.length; e++) {
      int b = NerLabels.beginTag(e);
      t[e] = p[b] + p[b + 1];
    }
    return t;
  }

  /** lineOf[i] = number of line breaks before code point i (one extra slot for the end of the text). */
  private static int[] lines(int[] cps) {
    int[] lineOf = new int[cps.length + 1];
    for (int i = 0; i < cps.length; i++) {
      lineOf[i + 1] = lineOf[i] + (cps[i] == '\n' ? 1 : 0);
    }
    return lineOf;
  }

  private static boolean hasContent(int[] cps, int start, int end) {
    for (int i = start; i < end && i < cps.length; i++) {
      if (Character.isLetterOrDigit(cps[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two adjacent tokens are pieces of one word when nothing separates them and, for alphanumeric-run words, both
   * sides are letters or digits.
   */
  private boolean joins(int[] cps, int previousEnd, int start) {
    return previousEnd == start && start > 0 && start < cps.length
        && (words == NerModelConfig.Words.WHITESPACE_CHUNKS
            || Character.isLetterOrDigit(cps[start - 1]) && Character.isLetterOrDigit(cps[start]));
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
