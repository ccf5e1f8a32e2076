package io.sluice.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.models.moderation.ModerationCategory;
import io.sluice.policy.ModerationPolicy;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.ModerationResult;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModerationVerdictsTest {
  private static final float[] MODEL_THRESHOLDS = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};

  private static ModerationPolicy policy(String yaml) {
    return PolicyLoader.parse("name: t\nmoderation:\n" + yaml, "test").moderation;
  }

  /** scores in category order: toxicity, hate, harassment, sexual, violence, self_harm, spam */
  private static float[] scores(float... s) {
    return s;
  }

  @Test
  void strongestActionAmongFlaggedCategoriesWins() {
    ModerationPolicy p = policy("""
          categories:
            toxicity: {action: flag}
            violence: {action: quarantine}
        """);
    ModerationVerdicts v = new ModerationVerdicts(p, MODEL_THRESHOLDS, EnumSet.allOf(ModerationCategory.class));
    ModerationResult onlyToxic = v.decide("a", scores(0.9f, 0, 0, 0, 0.1f, 0, 0), "m");
    assertEquals("flag", onlyToxic.getAction());
    assertEquals(List.of("toxicity"), onlyToxic.getFlagged());
    ModerationResult toxicAndViolent = v.decide("b", scores(0.9f, 0, 0, 0, 0.7f, 0, 0), "m");
    assertEquals("quarantine", toxicAndViolent.getAction());
    assertEquals(List.of("toxicity", "violence"), toxicAndViolent.getFlagged());
    assertEquals(7, toxicAndViolent.getScores().size());
  }

  @Test
  void belowThresholdIsAllowedAndPolicyThresholdOverridesTheModels() {
    ModerationPolicy p = policy("""
          categories:
            spam: {threshold: 0.95}
        """);
    ModerationVerdicts v = new ModerationVerdicts(p, MODEL_THRESHOLDS, EnumSet.allOf(ModerationCategory.class));
    ModerationResult r = v.decide("a", scores(0.1f, 0.2f, 0, 0, 0, 0, 0.9f), "m");
    assertEquals("allow", r.getAction());
    assertEquals(List.of(), r.getFlagged());
    assertEquals("quarantine", v.decide("b", scores(0, 0, 0, 0, 0, 0, 0.96f), "m").getAction());
    // exactly at the threshold counts as reaching it
    assertEquals("quarantine", v.decide("c", scores(0, 0, 0, 0, 0, 0.5f, 0), "m").getAction());
  }

  @Test
  void allowActionScoresButNeverFlagsAndUncoveredCategoriesAreAbsent() {
    ModerationPolicy p = policy("""
          categories:
            sexual: {action: allow}
        """);
    ModerationVerdicts v = new ModerationVerdicts(p, MODEL_THRESHOLDS,
        EnumSet.of(ModerationCategory.SEXUAL, ModerationCategory.TOXICITY));
    ModerationResult r = v.decide("a", scores(0.1f, 0.99f, 0, 0.99f, 0, 0, 0), "m");
    assertEquals("allow", r.getAction());
    assertFalse(r.getScores().containsKey("hate"), "hate is not predicted by this model");
    assertEquals(0.99, r.getScores().get("sexual"), 1e-6);
  }
}
