package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.eval.PiiEvaluator;
import io.sluice.models.eval.SkipWords;
import io.sluice.models.heads.LabeledSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Picks the entity threshold a trained model decodes with, on tuning sets held out of training (never on the
 * sets the card reports): the threshold with the best sum of span F1 over the sets, each set scored on its
 * own entity types. The model's probabilities are computed once per set; only decoding is repeated.
 */
final class ThresholdTuner {
  static final double[] CANDIDATES = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};

  /** A tuning set and the entity types it is scored on. */
  record TuningSet(String name, List<GoldDocument> docs, Set<String> entities) {}

  private ThresholdTuner() {}

  static double tune(NerModel model, List<TuningSet> sets, SkipWords skip, Consumer<String> log) {
    List<List<NerModel.Tagged>> tagged = new ArrayList<>();
    for (TuningSet set : sets) {
      tagged.add(model.tagProbabilities(texts(set)));
    }
    double best = NerModelConfig.DEFAULT_ENTITY_THRESHOLD;
    double bestScore = -1;
    for (double t : CANDIDATES) {
      WordSpanDecoder decoder = new WordSpanDecoder(model.entities(), t, model.config().words());
      double score = 0;
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "threshold %.2f:", t));
      for (int s = 0; s < sets.size(); s++) {
        TuningSet set = sets.get(s);
        List<List<EntitySpan>> predicted = new ArrayList<>();
        for (List<LabeledSpan> spans : NerModel.decode(texts(set), tagged.get(s), decoder)) {
          predicted.add(spans.stream().map(x -> new EntitySpan(x.label(), x.start(), x.end())).toList());
        }
        double f1 = new PiiEvaluator(set.entities(), skip, 0.5).evaluate(set.docs(), predicted).spanTotal().f1();
        score += f1;
        line.append(String.format(Locale.ROOT, " %s span F1 %.3f", set.name(), f1));
      }
      log.accept(line.toString());
      if (score > bestScore) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }

  private static List<String> texts(TuningSet set) {
    return set.docs().stream().map(GoldDocument::text).toList();
  }
}
