package io.sluice.models.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores predicted entity spans against gold ones, per entity type, the way presidio-research does:
 * token level (each word or punctuation mark is labelled with the entity covering it; tokens on the skip-word
 * list are ignored where gold and prediction disagree) and span level (a predicted span matches a gold span of
 * the same type when their overlap is at least {@code minOverlap} of their union, one to one).
 */
public final class PiiEvaluator {
  /** Words and single punctuation marks, as a whitespace-and-punctuation tokenizer splits them. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+|[^\\p{L}\\p{N}\\p{M}\\s]");
  private static final String OUTSIDE = "O";

  private final Set<String> entities;
  private final SkipWords skipWords;
  private final double minOverlap;

  /**
   * @param entities types scored; predictions of other types count as no prediction; empty means every type
   *     found in the gold data
   */
  public PiiEvaluator(Set<String> entities, SkipWords skipWords, double minOverlap) {
    if (minOverlap <= 0 || minOverlap > 1) {
      throw new IllegalArgumentException("minOverlap must be in (0, 1]");
    }
    this.entities = Set.copyOf(entities);
    this.skipWords = skipWords;
    this.minOverlap = minOverlap;
  }

  /** gold and predicted are parallel lists: predicted.get(i) holds the predictions for gold.get(i)'s text. */
  public EvaluationResult evaluate(List<GoldDocument> gold, List<List<EntitySpan>> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(gold.size() + " gold documents but " + predicted.size() + " predictions");
    }
    Set<String> scored = entities.isEmpty() ? goldTypes(gold) : entities;
    Map<String, Scores> tokens = new TreeMap<>();
    Map<String, Scores> spans = new TreeMap<>();
    for (String type : scored) {
      tokens.put(type, Scores.ZERO);
      spans.put(type, Scores.ZERO);
    }
    for (int d = 0; d < gold.size(); d++) {
      GoldDocument doc = gold.get(d);
      List<EntitySpan> g = keep(doc.spans(), scored);
      List<EntitySpan> p = keep(predicted.get(d), scored);
      scoreTokens(doc.text(), g, p, tokens);
      for (String type : scored) {
        spans.merge(type, scoreSpans(ofType(g, type), ofType(p, type)), Scores::plus);
      }
    }
    return new EvaluationResult(tokens, spans);
  }

  private void scoreTokens(String text, List<EntitySpan> gold, List<EntitySpan> pred, Map<String, Scores> out) {
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      int start = text.codePointCount(0, m.start());
      int end = start + text.codePointCount(m.start(), m.end());
      String g = typeAt(gold, start, end);
      String p = typeAt(pred, start, end);
      if (g.equals(p)) {
        if (!g.equals(OUTSIDE)) {
          out.merge(g, new Scores(1, 0, 0), Scores::plus);
        }
        continue;
      }
      if (skipWords.contains(m.group())) {
        continue;
      }
      if (!p.equals(OUTSIDE)) {
        out.merge(p, new Scores(0, 1, 0), Scores::plus);
      }
      if (!g.equals(OUTSIDE)) {
        out.merge(g, new Scores(0, 0, 1), Scores::plus);
      }
    }
  }

  private Scores scoreSpans(List<EntitySpan> gold, List<EntitySpan> pred) {
    boolean[] goldUsed = new boolean[gold.size()];
    long tp = 0;
    List<EntitySpan> byStart = new ArrayList<>(pred);
    byStart.sort(Comparator.comparingInt(EntitySpan::start));
    for (EntitySpan p : byStart) {
      int best = -1;
      double bestOverlap = 0;
      for (int i = 0; i < gold.size(); i++) {
        double o = overlap(gold.get(i), p);
        if (!goldUsed[i] && o >= minOverlap && o > bestOverlap) {
          best = i;
          bestOverlap = o;
        }
      }
      if (best >= 0) {
        goldUsed[best] = true;
        tp++;
      }
    }
    return new Scores(tp, pred.size() - tp, gold.size() - tp);
  }

  /** Intersection over union of two code-point ranges. */
  static double overlap(EntitySpan a, EntitySpan b) {
    int inter = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
    if (inter <= 0) {
      return 0;
    }
    int union = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
    return (double) inter / union;
  }

  private static String typeAt(List<EntitySpan> spans, int start, int end) {
    for (EntitySpan s : spans) {
      if (s.start() < end && start < s.end()) {
        return s.type();
      }
    }
    return OUTSIDE;
  }

  private static List<EntitySpan> keep(List<EntitySpan> spans, Set<String> types) {
    return spans.stream().filter(s -> types.contains(s.type())).toList();
  }

  private static List<EntitySpan> ofType(List<EntitySpan> spans, String type) {
    return spans.stream().filter(s -> s.type().equals(type)).toList();
  }

  private static Set<String> goldTypes(List<GoldDocument> gold) {
    Set<String> types = new java.util.TreeSet<>();
    gold.forEach(d -> d.spans().forEach(s -> types.add(s.type())));
    return types;
  }
}
