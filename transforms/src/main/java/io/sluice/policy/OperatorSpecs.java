package io.sluice.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every operator a policy declares, keyed by its YAML path, so messages can say where each comes from. */
public final class OperatorSpecs {
  private OperatorSpecs() {}

  /** {@code default_operator} first, then {@code entities.<NAME>.operator} for entities that set one. */
  public static Map<String, Policy.OperatorSpec> withPaths(Policy policy) {
    Map<String, Policy.OperatorSpec> specs = new LinkedHashMap<>();
    if (policy.defaultOperator != null) {
      specs.put("default_operator", policy.defaultOperator);
    }
    policy.entities.forEach((entity, settings) -> {
      if (settings != null && settings.operator != null) {
        specs.put("entities." + entity + ".operator", settings.operator);
      }
    });
    return specs;
  }
}
