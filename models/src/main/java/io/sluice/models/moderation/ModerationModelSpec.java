package io.sluice.models.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which moderation model to run. Serializable so transforms can carry it to workers. JSON form:
 * <pre>
 *   {"type": "embedded"}                                   the shipped default head
 *   {"type": "head-dir", "path": "DIR"}                    a directory TrainModeration wrote
 *   {"type": "hf-dir", "path": "DIR",                      a Hugging Face sequence-classification model
 *    "label_map": {"toxic": ["toxicity"], "insult": ["toxicity", "harassment"]},
 *    "thresholds": {"toxicity": 0.5}}
 * </pre>
 * Optional for all: "device" (cpu, gpu, gpu:N, auto), "max_tokens" (window size; 0 = the model's),
 * "window_stride", "sha256" (hf-dir weight digest).
 */
public record ModerationModelSpec(Kind kind, String path, Map<String, List<String>> labelMap,
    Map<String, Float> thresholds, String device, int maxTokens, int windowStride, String sha256)
    implements Serializable {

  public enum Kind {
    EMBEDDED, HEAD_DIR, HF_DIR;

    static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(s.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown moderation model type '" + s + "'; use embedded, head-dir or hf-dir");
    }
  }

  public ModerationModelSpec {
    labelMap = labelMap == null ? Map.of() : copy(labelMap);
    thresholds = thresholds == null ? Map.of() : new LinkedHashMap<>(thresholds);
    device = device == null || device.isBlank() ? "cpu" : device;
    if (kind != Kind.EMBEDDED && (path == null || path.isBlank())) {
      throw new IllegalArgumentException("moderation model of type " + kind + " needs a path");
    }
    if (kind == Kind.HF_DIR && labelMap.isEmpty()) {
      throw new IllegalArgumentException("an hf-dir moderation model needs a label_map onto our categories");
    }
    labelMap.values().forEach(list -> list.forEach(ModerationCategory::parse));
    thresholds.keySet().forEach(ModerationCategory::parse);
  }

  public static ModerationModelSpec embedded() {
    return new ModerationModelSpec(Kind.EMBEDDED, null, null, null, "cpu", 0, 0, null);
  }

  public static ModerationModelSpec headDir(Path dir) {
    return new ModerationModelSpec(Kind.HEAD_DIR, dir.toString(), null, null, "cpu", 0, 0, null);
  }

  public static ModerationModelSpec hfDir(Path dir, Map<String, List<String>> labelMap) {
    return new ModerationModelSpec(Kind.HF_DIR, dir.toString(), labelMap, null, "cpu", 0, 0, null);
  }

  public ModerationModelSpec withDevice(String newDevice) {
    return new ModerationModelSpec(kind, path, labelMap, thresholds, newDevice, maxTokens, windowStride, sha256);
  }

  public static ModerationModelSpec fromJson(JsonNode n) {
    Map<String, List<String>> labelMap = new LinkedHashMap<>();
    n.path("label_map").fields().forEachRemaining(e -> {
      List<String> targets = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> targets.add(v.asText()));
      } else {
        targets.add(e.getValue().asText());
      }
      labelMap.put(e.getKey(), targets);
    });
    Map<String, Float> thresholds = new LinkedHashMap<>();
    n.path("thresholds").fields().forEachRemaining(e -> thresholds.put(e.getKey(), (float) e.getValue().asDouble()));
    return new ModerationModelSpec(Kind.parse(n.path("type").asText("embedded")),
        n.hasNonNull("path") ? n.get("path").asText() : null, labelMap, thresholds, n.path("device").asText("cpu"),
        n.path("max_tokens").asInt(0), n.path("window_stride").asInt(0),
        n.hasNonNull("sha256") ? n.get("sha256").asText() : null);
  }

  public static ModerationModelSpec fromFile(Path json) throws IOException {
    return fromJson(new ObjectMapper().readTree(json.toFile()));
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    return out;
  }
}
