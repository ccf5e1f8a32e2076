package io.sluice.models.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** An {@link EvaluationResult} as JSON: {"token": {ENTITY: {precision, recall, f1, f2, tp, fp, fn}, "ALL": ...}, "span": ...}. */
public final class EvaluationJson {
  private EvaluationJson() {}

  public static ObjectNode toJson(ObjectMapper json, EvaluationResult r) {
    ObjectNode root = json.createObjectNode();
    levels(root.putObject("token"), r.tokenLevel(), r.tokenTotal());
    levels(root.putObject("span"), r.spanLevel(), r.spanTotal());
    return root;
  }

  private static void levels(ObjectNode node, Map<String, Scores> perEntity, Scores total) {
    new TreeMap<>(perEntity).forEach((type, s) -> scores(node.putObject(type), s));
    scores(node.putObject("ALL"), total);
  }

  private static void scores(ObjectNode n, Scores s) {
    n.put("precision", round(s.precision()));
    n.put("recall", round(s.recall()));
    n.put("f1", round(s.f1()));
    n.put("f2", round(s.f2()));
    n.put("true_positives", s.truePositives());
    n.put("false_positives", s.falsePositives());
    n.put("false_negatives", s.falseNegatives());
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
