package io.sluice.models.encoder;

import io.sluice.models.weights.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps checkpoint tensor names of BERT-family models onto this runtime's parameter paths (BERT names):
 * drops the task-model prefix ("bert.", "roberta.", "distilbert."), renames TF-era LayerNorm gamma/beta and
 * DistilBERT's layer names (q_lin, sa_layer_norm, ffn.lin1, ...), so one set of blocks serves every family.
 */
public final class CheckpointNames {
  private static final List<String> BASE_PREFIXES =
      List.of("bert.", "roberta.", "distilbert.", "xlm_roberta.", "camembert.");
  private static final Pattern DISTIL_LAYER = Pattern.compile("^transformer\\.layer\\.(\\d+)\\.(.+)$");
  private static final Map<String, String> DISTIL_PARTS = Map.of(
      "attention.q_lin", "attention.self.query",
      "attention.k_lin", "attention.self.key",
      "attention.v_lin", "attention.self.value",
      "attention.out_lin", "attention.output.dense",
      "sa_layer_norm", "attention.output.LayerNorm",
      "ffn.lin1", "intermediate.dense",
      "ffn.lin2", "output.dense",
      "output_layer_norm", "output.LayerNorm");

  private CheckpointNames() {}

  public static Map<String, Tensor> normalize(Map<String, Tensor> checkpoint) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Tensor t : checkpoint.values()) {
      String name = canonical(t.name());
      out.put(name, t.withName(name));
    }
    return out;
  }

  static String canonical(String name) {
    String n = name;
    for (String prefix : BASE_PREFIXES) {
      if (n.startsWith(prefix)) {
        n = n.substring(prefix.length());
        break;
      }
    }
    if (n.endsWith("LayerNorm.gamma")) {
      n = n.substring(0, n.length() - "gamma".length()) + "weight";
    } else if (n.endsWith("LayerNorm.beta")) {
      n = n.substring(0, n.length() - "beta".length()) + "bias";
    }
    Matcher m = DISTIL_LAYER.matcher(n);
    if (m.matches()) {
      String rest = m.group(2);
      for (Map.Entry<String, String> e : DISTIL_PARTS.entrySet()) {
        if (rest.startsWith(e.getKey() + ".")) {
          return "encoder.layer." + m.group(1) + "." + e.getValue() + rest.substring(e.getKey().length());
        }
      }
    }
    return n;
  }
}
