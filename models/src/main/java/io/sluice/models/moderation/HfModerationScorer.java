package io.sluice.models.moderation;

import io.sluice.models.heads.SequenceClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user's Hugging Face sequence-classification model (BERT, DistilBERT, RoBERTa directory) mapped onto our
 * categories: each of our categories scores the maximum probability of the model labels mapped to it (e.g.
 * "insult" -> toxicity and harassment). Model labels left out of the mapping are ignored; categories no label
 * maps to score 0 and are reported as not covered.
 */
final class HfModerationScorer implements ModerationScorer {
  private final SequenceClassifier classifier;
  /** For each of the model's output columns, the category ordinals it feeds. */
  private final List<int[]> columnTargets = new ArrayList<>();
  private final Set<ModerationCategory> covered = EnumSet.noneOf(ModerationCategory.class);
  private final float[] thresholds;

  HfModerationScorer(SequenceClassifier classifier, Map<String, List<ModerationCategory>> labelMap,
      float[] thresholds) {
    this.classifier = classifier;
    this.thresholds = thresholds.clone();
    List<String> modelLabels = classifier.labels();
    for (String mapped : labelMap.keySet()) {
      if (!modelLabels.contains(mapped)) {
        throw new IllegalArgumentException("label map names '" + mapped + "' but model " + classifier.model().id()
            + " has labels " + modelLabels);
      }
    }
    for (String label : modelLabels) {
      List<ModerationCategory> targets = labelMap.getOrDefault(label, List.of());
      columnTargets.add(targets.stream().mapToInt(Enum::ordinal).toArray());
      covered.addAll(targets);
    }
    if (covered.isEmpty()) {
      throw new IllegalArgumentException("label map of model " + classifier.model().id() + " maps no label");
    }
  }

  @Override
  public String id() {
    return classifier.model().id();
  }

  @Override
  public float[][] score(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    float[][] probabilities = classifier.predict(texts);
    float[][] out = new float[texts.size()][ModerationCategory.count()];
    for (int i = 0; i < texts.size(); i++) {
      for (int col = 0; col < columnTargets.size(); col++) {
        for (int category : columnTargets.get(col)) {
          out[i][category] = Math.max(out[i][category], probabilities[i][col]);
        }
      }
    }
    return out;
  }

  @Override
  public Set<ModerationCategory> covered() {
    return Collections.unmodifiableSet(covered);
  }

  @Override
  public float[] defaultThresholds() {
    return thresholds.clone();
  }

  @Override
  public long tokensProcessed() {
    return classifier.model().stats().realTokens();
  }

  @Override
  public void close() {
    classifier.close();
  }
}
