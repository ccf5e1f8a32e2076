package io.sluice.models.heads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.ModelSpec.Task;
import io.sluice.models.encoder.ClassificationHead;
import io.sluice.models.encoder.Pooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a classification head predicts: task, label names (index = output column), pooling for sequence
 * heads, whether labels are exclusive (softmax) or independent (sigmoid, multi-label), and whether HF BERT's
 * pooler (tanh(dense([CLS]))) sits before the classifier, as in BertForSequenceClassification checkpoints.
 * Stored in a model directory as the "sluice_head" object of config.json plus labels.json; HF task
 * checkpoints are read from their id2label map.
 */
public record HeadConfig(Task task, List<String> labels, Pooling pooling, boolean multiLabel, boolean pooler) {
  public HeadConfig {
    if (task == Task.ENCODER) {
      throw new IllegalArgumentException("a head needs a classification task");
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a head needs labels");
    }
    labels = List.copyOf(labels);
  }

  public ClassificationHead newBlock(int hiddenSize, float dropout) {
    ClassificationHead.Level level =
        task == Task.TOKEN_CLASSIFICATION ? ClassificationHead.Level.TOKEN : ClassificationHead.Level.SEQUENCE;
    return new ClassificationHead(level, pooling, hiddenSize, labels.size(), dropout, pooler);
  }

  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    n.put("task", task.label());
    n.put("pooling", pooling.name().toLowerCase(java.util.Locale.ROOT));
    n.put("multi_label", multiLabel);
    n.put("pooler", pooler);
    return n;
  }

  /**
   * From our "sluice_head" object and labels, or from an HF config's id2label (token or sequence task given);
   * {@code hasPoolerWeights} says whether the checkpoint holds "pooler.dense.*", which an HF sequence
   * classifier applies to [CLS].
   */
  public static HeadConfig fromConfig(JsonNode config, List<String> labelsOrNull, Task fallbackTask,
      boolean hasPoolerWeights) {
    JsonNode head = config.path("sluice_head");
    List<String> labels = labelsOrNull != null ? labelsOrNull : id2label(config);
    if (labels == null) {
      throw new IllegalArgumentException("no labels.json and no id2label in config.json");
    }
    if (head.isObject()) {
      return new HeadConfig(Task.parse(head.path("task").asText()), labels,
          Pooling.parse(head.path("pooling").asText("cls")), head.path("multi_label").asBoolean(false),
          head.path("pooler").asBoolean(false));
    }
    boolean multi = "multi_label_classification".equals(config.path("problem_type").asText());
    return new HeadConfig(fallbackTask, labels, Pooling.CLS, multi,
        fallbackTask == Task.SEQUENCE_CLASSIFICATION && hasPoolerWeights);
  }

  private static List<String> id2label(JsonNode config) {
    JsonNode map = config.path("id2label");
    if (!map.isObject() || map.isEmpty()) {
      return null;
    }
    Map<Integer, String> sorted = new TreeMap<>();
    map.fields().forEachRemaining(e -> sorted.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
    return new ArrayList<>(sorted.values());
  }
}
