package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.EvaluationResult;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.eval.PiiEvaluator;
import io.sluice.models.eval.SkipWords;
import io.sluice.models.heads.LabeledSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Picks the entity thresholds a trained model decodes with, on tuning sets held out of training (never on the
 * sets the card reports). First one threshold for all types: the one with the best sum of span F1 over the sets,
 * each set scored on its own entity types. Then, type by type with the others kept at that threshold, the
 * threshold with the best sum of that type's span F1 over the sets that have it; a type keeps the common one
 * unless another does strictly better. The model's probabilities are computed once per set; only decoding is
 * repeated.
 */
final class ThresholdTuner {
  static final double[] CANDIDATES = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};

  /** A tuning set and the entity types it is scored on. */
  record TuningSet(String name, List<GoldDocument> docs, Set<String> entities) {}

  /** The common threshold and the types whose own threshold differs from it. */
  record Thresholds(double common, Map<String, Double> byType) {}

  private final NerModel model;
  private final List<TuningSet> sets;
  private final SkipWords skip;
  private final List<List<NerModel.Tagged>> tagged = new ArrayList<>();

  private ThresholdTuner(NerModel model, List<TuningSet> sets, SkipWords skip) {
    this.model = model;
    this.sets = sets;
    this.skip = skip;
    for (TuningSet set : sets) {
      tagged.add(model.tagProbabilities(texts(set)));
    }
  }

  static Thresholds tune(NerModel model, List<TuningSet> sets, SkipWords skip, Consumer<String> log) {
    return new ThresholdTuner(model, sets, skip).tune(log);
  }

  private Thresholds tune(Consumer<String> log) {
    List<String> entities = model.entities();
    double common = NerModelConfig.DEFAULT_ENTITY_THRESHOLD;
    double bestScore = -1;
    for (double t : CANDIDATES) {
      List<EvaluationResult> results = evaluate(same(entities.size(), t));
      double score = 0;
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "threshold %.2f:", t));
      for (int s = 0; s < sets.size(); s++) {
        double f1 = results.get(s).spanTotal().f1();
        score += f1;
        line.append(String.format(Locale.ROOT, " %s span F1 %.3f", sets.get(s).name(), f1));
      }
      log.accept(line.toString());
      if (score > bestScore) {
        bestScore = score;
        common = t;
      }
    }
    Map<String, Double> byType = new LinkedHashMap<>();
    for (int e = 0; e < entities.size(); e++) {
      String type = entities.get(e);
      double best = common;
      double bestTypeScore = typeScore(type, evaluate(same(entities.size(), common)));
      StringBuilder line = new StringBuilder(type + " span F1 summed over its sets:");
      for (double t : CANDIDATES) {
        double[] thresholds = same(entities.size(), common);
        thresholds[e] = t;
        double score = typeScore(type, evaluate(thresholds));
        line.append(String.format(Locale.ROOT, " %.2f: %.3f", t, score));
        if (score > bestTypeScore) {
          bestTypeScore = score;
          best = t;
        }
      }
      log.accept(line.toString());
      if (best != common) {
        byType.put(type, best);
      }
    }
    return new Thresholds(common, byType);
  }

  /** Per set, the span and token scores of decoding at {@code thresholds} (one per entity type). */
  private List<EvaluationResult> evaluate(double[] thresholds) {
    WordSpanDecoder decoder = new WordSpanDecoder(model.entities(), thresholds, model.config().words());
    List<EvaluationResult> out = new ArrayList<>();
    for (int s = 0; s < sets.size(); s++) {
      TuningSet set = sets.get(s);
      List<List<EntitySpan>> predicted = new ArrayList<>();
      for (List<LabeledSpan> spans : NerModel.decode(texts(set), tagged.get(s), decoder)) {
        predicted.add(spans.stream().map(x -> new EntitySpan(x.label(), x.start(), x.end())).toList());
      }
      out.add(new PiiEvaluator(set.entities(), skip, 0.5).evaluate(set.docs(), predicted));
    }
    return out;
  }

  /** {@code type}'s span F1 summed over the sets scored on it. */
  private double typeScore(String type, List<EvaluationResult> results) {
    double score = 0;
    for (int s = 0; s < sets.size(); s++) {
      if (sets.get(s).entities().contains(type) && results.get(s).spanLevel().containsKey(type)) {
        score += results.get(s).spanLevel().get(type).f1();
      }
    }
    return score;
  }

  private static double[] same(int n, double t) {
    double[] a = new double[n];
    Arrays.fill(a, t);
    return a;
  }

  private static List<String> texts(TuningSet set) {
    return set.docs().stream().map(GoldDocument::text).toList();
  }
}
