package io.sluice.pii.ner;

import io.sluice.models.ner.NerLabels;
import io.sluice.policy.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of an {@code slm-ner} entry under a policy's {@code recognizers:}:
 * <pre>
 * type: slm-ner
 * model: embedded            # or the path of a directory written by TrainNer
 * device: cpu                # cpu, gpu, gpu:N or auto
 * entities: [PERSON, LOCATION, ORGANIZATION, STREET_ADDRESS]   # default: all the model predicts
 * min_score: 0.4             # spans scoring below are not emitted
 * thresholds: {PERSON: 0.5}  # per-entity minimum scores, overriding min_score
 * texts_per_call: 64         # texts sent to the model at once (the model batches them by token budget)
 * </pre>
 */
record SlmNerSettings(Path modelDir, String device, List<String> entities, Map<String, Double> thresholds,
    double minScore, int textsPerCall) {
  static final String EMBEDDED = "embedded";
  private static final Set<String> KEYS =
      Set.of("type", "model", "device", "entities", "min_score", "thresholds", "texts_per_call");

  /** Reads and checks the settings; every problem is a PolicyException naming the key to fix. */
  static SlmNerSettings parse(Map<String, Object> settings) {
    for (String key : settings.keySet()) {
      if (!KEYS.contains(key)) {
        throw new PolicyException("slm-ner: unknown setting '" + key + "'; known: " + new java.util.TreeSet<>(KEYS));
      }
    }
    String model = String.valueOf(settings.getOrDefault("model", EMBEDDED));
    Path dir = null;
    if (!model.equals(EMBEDDED)) {
      dir = Path.of(model);
      if (!Files.isDirectory(dir)) {
        throw new PolicyException("slm-ner: model '" + model + "' is neither 'embedded' nor a model directory");
      }
    }
    String device = String.valueOf(settings.getOrDefault("device", "cpu"));
    List<String> entities = entities(settings.get("entities"));
    double minScore = score(settings.getOrDefault("min_score", 0.4), "min_score");
    Map<String, Double> thresholds = new LinkedHashMap<>();
    Object t = settings.get("thresholds");
    if (t != null) {
      if (!(t instanceof Map<?, ?> map)) {
        throw new PolicyException("slm-ner: thresholds must map entity names to scores");
      }
      map.forEach((k, v) -> {
        String entity = String.valueOf(k);
        if (!entities.contains(entity)) {
          throw new PolicyException("slm-ner: threshold for '" + entity + "', which this recognizer does not emit "
              + entities);
        }
        thresholds.put(entity, score(v, "thresholds." + entity));
      });
    }
    int textsPerCall = integer(settings.getOrDefault("texts_per_call", 64), "texts_per_call");
    return new SlmNerSettings(dir, device, entities, thresholds, minScore, textsPerCall);
  }

  double threshold(String entity) {
    return thresholds.getOrDefault(entity, minScore);
  }

  private static List<String> entities(Object value) {
    if (value == null) {
      return NerLabels.ENTITIES;
    }
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new PolicyException("slm-ner: entities must be a non-empty list, e.g. [PERSON, LOCATION]");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      String e = String.valueOf(o);
      if (!NerLabels.ENTITIES.contains(e)) {
        throw new PolicyException("slm-ner: entity '" + e + "' is not predicted by the model; it predicts "
            + NerLabels.ENTITIES);
      }
      out.add(e);
    }
    return List.copyOf(out);
  }

  private static double score(Object value, String key) {
    double d;
    try {
      d = Double.parseDouble(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw new PolicyException("slm-ner: " + key + " must be a number in [0, 1]");
    }
    if (d < 0 || d > 1) {
      throw new PolicyException("slm-ner: " + key + " must be in [0, 1], not " + d);
    }
    return d;
  }

  private static int integer(Object value, String key) {
    try {
      int i = Integer.parseInt(String.valueOf(value));
      if (i > 0) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below with the key's name
    }
    throw new PolicyException("slm-ner: " + key + " must be a positive whole number");
  }
}
