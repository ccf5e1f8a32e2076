package io.sluice.pii.operators;

import io.sluice.pii.operators.surrogate.SurrogateGenerator;
import io.sluice.policy.Policy.OperatorSpec;
import io.sluice.policy.PolicyException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Operator}s from policy specs. Keyed operators sharing a key share one digest, and all
 * surrogates share one generator.
 */
final class Operators {
  private final KeyRing keys;
  private final List<String> phoneRegions;
  private final Map<String, KeyedDigest> digests = new HashMap<>();
  /** Built only when a policy uses surrogates: building it loads datafaker's data, which takes seconds. */
  private SurrogateGenerator surrogates;

  Operators(KeyRing keys, List<String> phoneRegions) {
    this.keys = keys;
    this.phoneRegions = phoneRegions;
  }

  /** @param path YAML path of the spec, for the message when the spec is unusable */
  Operator create(OperatorSpec spec, String path) {
    String type = spec.type == null ? "" : spec.type;
    return switch (type) {
      case OperatorTypes.REDACT -> new RedactOperator();
      case OperatorTypes.REPLACE -> new ReplaceOperator(spec.newValue);
      case OperatorTypes.MASK -> new MaskOperator(spec.maskingChar.codePointAt(0), spec.charsToMask, spec.fromEnd);
      case OperatorTypes.HASH -> new HashOperator(digest(spec.key));
      case OperatorTypes.SURROGATE -> new SurrogateOperator(digest(spec.key), surrogates());
      case OperatorTypes.KEEP -> new KeepOperator();
      default -> throw new PolicyException(path + ".type: unknown operator '" + type + "'; use one of "
          + OperatorTypes.ALL);
    };
  }

  private SurrogateGenerator surrogates() {
    if (surrogates == null) {
      surrogates = new SurrogateGenerator(phoneRegions);
    }
    return surrogates;
  }

  private KeyedDigest digest(String keyName) {
    return digests.computeIfAbsent(keyName, name -> new KeyedDigest(keys.key(name)));
  }
}
