package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.EvaluationResult;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.eval.PiiEvaluator;
import io.sluice.models.eval.SkipWords;
import io.sluice.models.heads.LabeledSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs a NER model over gold documents and scores it per entity (token and span level). */
public final class NerEvaluation {
  private static final int CHUNK = 64;

  private NerEvaluation() {}

  public static List<List<EntitySpan>> predictAll(NerModel model, List<GoldDocument> gold) {
    List<List<EntitySpan>> out = new ArrayList<>(gold.size());
    for (int from = 0; from < gold.size(); from += CHUNK) {
      List<GoldDocument> chunk = gold.subList(from, Math.min(gold.size(), from + CHUNK));
      for (List<LabeledSpan> spans : model.predict(chunk.stream().map(GoldDocument::text).toList())) {
        out.add(spans.stream().map(s -> new EntitySpan(s.label(), s.start(), s.end())).toList());
      }
    }
    return out;
  }

  public static EvaluationResult evaluate(NerModel model, List<GoldDocument> gold, Set<String> entities,
      SkipWords skipWords) {
    return new PiiEvaluator(entities, skipWords, 0.5).evaluate(gold, predictAll(model, gold));
  }
}
