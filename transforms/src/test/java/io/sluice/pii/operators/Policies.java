package io.sluice.pii.operators;

import io.sluice.policy.Policy;
import io.sluice.policy.Policy.OperatorSpec;
import java.util.Map;

/** Small policies built in code for operator tests. */
final class Policies {
  static final String KEY_NAME = "pseudonym";
  static final String KEY_ENV = "SLUICE_TEST_HMAC_KEY";
  static final Map<String, String> ENV = Map.of(KEY_ENV, "0123456789abcdef0123456789abcdef");
  static final Map<String, String> OTHER_ENV = Map.of(KEY_ENV, "fedcba9876543210fedcba9876543210");

  private Policies() {}

  static OperatorSpec spec(String type) {
    OperatorSpec spec = new OperatorSpec();
    spec.type = type;
    if (OperatorTypes.needsKey(type)) {
      spec.key = KEY_NAME;
    }
    return spec;
  }

  /** A policy applying {@code spec} to every listed entity, with the test key declared. */
  static Policy with(OperatorSpec spec, String... entities) {
    Policy policy = new Policy();
    for (String entity : entities) {
      Policy.EntityPolicy settings = new Policy.EntityPolicy();
      settings.operator = spec;
      policy.entities.put(entity, settings);
    }
    Policy.KeySource source = new Policy.KeySource();
    source.env = KEY_ENV;
    policy.keys.put(KEY_NAME, source);
    return policy;
  }

  static Anonymizer anonymizer(Policy policy, Map<String, String> env) {
    return Anonymizer.fromPolicy(policy, KeyRing.resolve(policy, env));
  }

  /** Runs one value through the operator the policy picks for {@code entity}. */
  static String apply(Anonymizer anonymizer, String entity, String value) {
    return anonymizer.anonymize(value, java.util.List.of(
        new io.sluice.pii.Detection(entity, 0, value.length(), 1.0, "test"))).text();
  }
}
