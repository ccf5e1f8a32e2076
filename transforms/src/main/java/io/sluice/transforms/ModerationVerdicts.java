package io.sluice.transforms;

import io.sluice.models.moderation.ModerationCategory;
import io.sluice.policy.ModerationPolicy;
import io.sluice.policy.ModerationPolicy.Action;
import io.sluice.schemas.ModerationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a document's category scores into its {@link ModerationResult}: a category is flagged when its score
 * reaches the policy's threshold (or the model's, when the policy names none) and its action is flag or
 * quarantine; the document's action is the strongest among flagged categories, allow when none is.
 * Categories the model does not predict are left out of the scores and never flagged.
 */
final class ModerationVerdicts {
  private final double[] thresholds = new double[ModerationCategory.count()];
  private final Action[] actions = new Action[ModerationCategory.count()];
  private final Set<ModerationCategory> covered;

  ModerationVerdicts(ModerationPolicy policy, float[] modelThresholds, Set<ModerationCategory> covered) {
    for (ModerationCategory c : ModerationCategory.values()) {
      thresholds[c.ordinal()] = policy.thresholdFor(c, modelThresholds[c.ordinal()]);
      actions[c.ordinal()] = policy.actionFor(c);
    }
    this.covered = Set.copyOf(covered);
  }

  ModerationResult decide(String docId, float[] scores, String modelId) {
    Map<String, Double> byCategory = new LinkedHashMap<>();
    List<String> flagged = new ArrayList<>();
    Action action = Action.ALLOW;
    for (ModerationCategory c : ModerationCategory.values()) {
      if (!covered.contains(c)) {
        continue;
      }
      double score = scores[c.ordinal()];
      byCategory.put(c.label(), score);
      Action categoryAction = actions[c.ordinal()];
      if (score >= thresholds[c.ordinal()] && categoryAction != Action.ALLOW) {
        flagged.add(c.label());
        if (categoryAction.compareTo(action) > 0) {
          action = categoryAction;
        }
      }
    }
    return ModerationResult.newBuilder()
        .setDocId(docId)
        .setScores(new LinkedHashMap<>(byCategory))
        .setFlagged(flagged)
        .setAction(action.label())
        .setModel(modelId)
        .build();
  }
}
