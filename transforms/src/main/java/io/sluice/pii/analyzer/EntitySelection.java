package io.sluice.pii.analyzer;

import io.sluice.policy.Policy;
import io.sluice.policy.Policy.EntityPolicy;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which entity types a policy reports and at what score. An entity is reported when it is enabled under
 * {@code entities:}; the entity of a custom recognizer or a deny-list entry is reported too, since the
 * user declared it, unless {@code entities:} switches it off explicitly.
 */
final class EntitySelection {

  private final Map<String, EntityPolicy> entities;
  private final double defaultThreshold;
  private final Set<String> reported = new HashSet<>();

  EntitySelection(Policy policy) {
    this.entities = policy.entities;
    this.defaultThreshold = policy.defaultThreshold;
    reported.addAll(enabledInPolicy());
    for (Policy.CustomRecognizerSpec spec : policy.customRecognizers) {
      addUnlessDisabled(spec.entity);
    }
    policy.denyList.keySet().forEach(this::addUnlessDisabled);
  }

  private void addUnlessDisabled(String entity) {
    EntityPolicy settings = entities.get(entity);
    if (entity != null && (settings == null || settings.enabled)) {
      reported.add(entity);
    }
  }

  boolean reports(String entity) {
    return reported.contains(entity);
  }

  /**
   * Entities enabled under {@code entities:}, in policy order: those get built-in recognizers. A deny-list
   * entry for EMAIL_ADDRESS alone reports the listed strings, not every e-mail address.
   */
  Set<String> enabledInPolicy() {
    Set<String> enabled = new LinkedHashSet<>();
    entities.forEach((entity, settings) -> {
      if (settings == null || settings.enabled) {
        enabled.add(entity);
      }
    });
    return enabled;
  }

  /** The entity's own threshold, else the policy default. */
  double threshold(String entity) {
    EntityPolicy settings = entities.get(entity);
    return settings != null && settings.threshold != null ? settings.threshold : defaultThreshold;
  }
}
