package io.sluice.synth;

import io.sluice.pii.Detection;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which PII a synthesis step looks for: a sweep policy (its recognizers, thresholds, context words, allow
 * and deny lists) narrowed to some of its entities and to findings scoring at least {@code min_score}. Used
 * by the gate's PII scan and by de-identified copies, so both read the same spec keys:
 *
 * <pre>
 * policy: conf/policies/default.yaml   # a sweep policy file, relative to the spec; default: the built-in one
 * entities: [EMAIL_ADDRESS, PERSON]    # optional: only these of the policy's entities count
 * min_score: 0.5                       # optional: findings below this are ignored (after the policy's thresholds)
 * </pre>
 *
 * @param policy the loaded, validated policy
 * @param entities entity types that count; empty means every entity the policy reports
 * @param minScore findings scoring below this are ignored
 */
public record ScanPolicy(Policy policy, Set<String> entities, double minScore) implements Serializable {

  public ScanPolicy {
    entities = Set.copyOf(entities);
  }

  /** The built-in default policy, every entity, no extra score floor. */
  public static ScanPolicy defaults() {
    return new ScanPolicy(PolicyLoader.defaultPolicy(), Set.of(), 0);
  }

  /** Reads {@code policy}, {@code entities} and {@code min_score} from the block; other keys are left to the caller. */
  public static ScanPolicy parse(SpecSection section, Path specDir) {
    Policy policy = section.has("policy")
        ? PolicyLoader.load(section.file("policy", specDir))
        : PolicyLoader.defaultPolicy();
    List<String> entities = section.strings("entities");
    Set<String> unknown = new TreeSet<>();
    for (String entity : entities) {
      Policy.EntityPolicy settings = policy.entities.get(entity);
      boolean custom = policy.customRecognizers.stream().anyMatch(c -> entity.equals(c.entity))
          || policy.denyList.containsKey(entity);
      if (!custom && (settings == null || !settings.enabled)) {
        unknown.add(entity);
      }
    }
    if (!unknown.isEmpty()) {
      throw new SpecException(section.path("entities") + " names " + unknown + ", which policy '" + policy.name
          + "' does not detect: enable them under the policy's entities, or remove them here");
    }
    double minScore = section.number("min_score", 0, 0, 1);
    return new ScanPolicy(policy, new TreeSet<>(entities), minScore);
  }

  /** Whether a finding of the policy's analyzer counts for this scan. */
  public boolean counts(Detection detection) {
    return detection.score() >= minScore && (entities.isEmpty() || entities.contains(detection.entityType()));
  }
}
