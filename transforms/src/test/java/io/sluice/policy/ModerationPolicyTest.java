package io.sluice.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.moderation.ModerationCategory;
import org.junit.jupiter.api.Test;

class ModerationPolicyTest {
  @Test
  void sectionIsOptionalAndDefaultsToQuarantineWithTheEmbeddedModel() {
    Policy p = PolicyLoader.parse("name: t\n", "test");
    assertEquals("embedded", p.moderation.model);
    assertEquals(ModerationPolicy.Action.QUARANTINE, p.moderation.actionFor(ModerationCategory.SPAM));
    assertEquals(0.42, p.moderation.thresholdFor(ModerationCategory.SPAM, 0.42f), 1e-6);
    Policy empty = PolicyLoader.parse("name: t\nmoderation:\n", "test");
    assertEquals("quarantine", empty.moderation.defaultAction);
  }

  @Test
  void categoriesSetThresholdsAndActions() {
    Policy p = PolicyLoader.parse("""
        name: t
        moderation:
          default_action: flag
          categories:
            self_harm: {action: quarantine, threshold: 0.3}
            toxicity:
        """, "test");
    assertEquals(ModerationPolicy.Action.QUARANTINE, p.moderation.actionFor(ModerationCategory.SELF_HARM));
    assertEquals(0.3, p.moderation.thresholdFor(ModerationCategory.SELF_HARM, 0.9f), 1e-9);
    assertEquals(ModerationPolicy.Action.FLAG, p.moderation.actionFor(ModerationCategory.TOXICITY));
    assertNull(p.moderation.categories.get("toxicity"));
  }

  @Test
  void unknownCategoriesActionsAndThresholdsAreReportedWithTheirPath() {
    PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.parse("""
        name: t
        moderation:
          default_action: delete
          categories:
            gore: {action: flag}
            spam: {threshold: 1.5, action: block}
        """, "test"));
    String m = e.getMessage();
    assertTrue(m.contains("moderation.default_action"), m);
    assertTrue(m.contains("moderation.categories.gore"), m);
    assertTrue(m.contains("moderation.categories.spam.threshold"), m);
    assertTrue(m.contains("moderation.categories.spam.action"), m);
    assertThrows(PolicyException.class, () -> PolicyLoader.parse("name: t\nmoderation: {treshold: 1}\n", "test"));
  }
}
