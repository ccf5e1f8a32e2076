package io.sluice.pii;

import io.sluice.policy.Policy;
import java.util.Map;

/**
 * Creates a recognizer declared under {@code recognizers:} in a policy, by type name. Implementations
 * are found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.sluice.pii.RecognizerFactory}),
 * so a model-based recognizer plugs into every job without changes to the pipeline.
 */
public interface RecognizerFactory {

  /** The {@code type} this factory answers to, e.g. {@code slm-ner}. */
  String type();

  /** Entity types a recognizer of this type may emit, for policy validation before anything loads. */
  java.util.Set<String> entities(Map<String, Object> settings);

  /**
   * Checks the settings and fails fast with a message that says what to fix; called when the policy
   * loads, long before any worker starts.
   */
  void validate(Map<String, Object> settings);

  /** Builds the recognizer; may load a model. Called once per worker JVM. */
  Recognizer create(Map<String, Object> settings, Policy policy);
}
