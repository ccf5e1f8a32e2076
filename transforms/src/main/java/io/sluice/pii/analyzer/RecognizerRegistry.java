package io.sluice.pii.analyzer;

import io.sluice.pii.Recognizer;
import io.sluice.pii.RecognizerFactory;
import io.sluice.pii.recognizers.BuiltInRecognizers;
import io.sluice.pii.recognizers.CustomRegexRecognizer;
import io.sluice.pii.recognizers.DenyListRecognizer;
import io.sluice.pii.recognizers.IndexedRecognizer;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recognizers a policy asks for: built-in ones for its enabled entities, its custom regex
 * recognizers, its deny list, and pluggable ones (SLM NER, ...) from {@link RecognizerFactory}
 * implementations found with {@link ServiceLoader} by the entry's {@code type}.
 */
final class RecognizerRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecognizerRegistry.class);

  /** Recognizers that share one {@link io.sluice.pii.recognizers.TextIndex} per text. */
  private final List<IndexedRecognizer> indexed = new ArrayList<>();
  /** All others, called through {@link Recognizer#analyzeAll} so model recognizers can batch. */
  private final List<Recognizer> batched = new ArrayList<>();
  private final Map<String, Recognizer> byName = new LinkedHashMap<>();

  RecognizerRegistry(Policy policy, EntitySelection selection) {
    try {
      for (String entity : selection.enabledInPolicy()) {
        IndexedRecognizer builtIn = BuiltInRecognizers.create(entity, policy);
        if (builtIn != null) {
          add(builtIn);
        }
      }
      for (Policy.CustomRecognizerSpec spec : policy.customRecognizers) {
        if (selection.reports(spec.entity)) {
          add(new CustomRegexRecognizer(spec));
        }
      }
      DenyListRecognizer denyList = new DenyListRecognizer(policy.denyList);
      if (!denyList.isEmpty()) {
        add(denyList);
      }
      addPluggable(policy);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void addPluggable(Policy policy) {
    if (policy.recognizers.isEmpty()) {
      return;
    }
    Map<String, RecognizerFactory> factories = new HashMap<>();
    for (RecognizerFactory factory : ServiceLoader.load(RecognizerFactory.class)) {
      factories.putIfAbsent(factory.type(), factory);
    }
    for (Map.Entry<String, Map<String, Object>> entry : policy.recognizers.entrySet()) {
      Map<String, Object> settings = entry.getValue() == null ? Map.of() : entry.getValue();
      Object type = settings.get("type");
      RecognizerFactory factory = factories.get(String.valueOf(type));
      if (factory == null) {
        throw new PolicyException("recognizer '" + entry.getKey() + "': no recognizer type '" + type
            + "' on the classpath; known types: " + factories.keySet());
      }
      factory.validate(settings);
      add(factory.create(settings, policy));
      LOG.info("recognizer '{}' of type '{}' created", entry.getKey(), type);
    }
  }

  private void add(Recognizer recognizer) {
    if (byName.putIfAbsent(recognizer.name(), recognizer) != null) {
      recognizer.close();
      throw new PolicyException("two recognizers are named '" + recognizer.name() + "'; names must be unique");
    }
    if (recognizer instanceof IndexedRecognizer ir) {
      indexed.add(ir);
    } else {
      batched.add(recognizer);
    }
  }

  List<IndexedRecognizer> indexed() {
    return indexed;
  }

  List<Recognizer> batched() {
    return batched;
  }

  /** Recognizers by name, in the order they were added. */
  Map<String, Recognizer> byName() {
    return byName;
  }

  @Override
  public void close() {
    for (Recognizer r : byName.values()) {
      try {
        r.close();
      } catch (RuntimeException e) {
        LOG.warn("recognizer '{}' failed to close", r.name(), e);
      }
    }
  }
}
