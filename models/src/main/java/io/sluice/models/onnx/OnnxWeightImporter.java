package io.sluice.models.onnx;

import io.sluice.models.weights.Tensor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the initializers of a transformers-exported ONNX encoder into Hugging Face-named tensors. Exporters
 * keep bias and LayerNorm names but give MatMul weights anonymous names ("onnx::MatMul_787", stored
 * [in, out]); each such weight is named after the bias that the graph adds to its product
 * ("...query.bias" -> "...query.weight") and transposed to torch's [out, in].
 */
public final class OnnxWeightImporter {
  private static final String ANONYMOUS_PREFIX = "onnx::";

  private OnnxWeightImporter() {}

  public static Map<String, Tensor> hfWeights(OnnxGraph graph) {
    Map<String, Tensor> init = graph.initializers();
    Map<String, OnnxNode> consumerOf = new HashMap<>();
    for (OnnxNode n : graph.nodes()) {
      for (String in : n.inputs()) {
        consumerOf.putIfAbsent(in, n);
      }
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    Set<String> mapped = new HashSet<>();
    for (Tensor t : init.values()) {
      if (!t.name().startsWith(ANONYMOUS_PREFIX)) {
        out.put(t.name(), t);
      }
    }
    for (OnnxNode n : graph.nodes()) {
      if (!n.opType().equals("MatMul") || n.inputs().size() != 2) {
        continue;
      }
      Tensor weight = init.get(n.inputs().get(1));
      if (weight == null || !weight.name().startsWith(ANONYMOUS_PREFIX)) {
        continue;
      }
      String biasName = biasAddedTo(n.outputs().get(0), consumerOf, init);
      if (biasName == null) {
        throw new OnnxFormatException("MatMul weight " + weight.name() + " is not followed by an Add with a named bias");
      }
      String weightName = biasName.substring(0, biasName.length() - "bias".length()) + "weight";
      out.put(weightName, weight.transpose2d().withName(weightName));
      mapped.add(weight.name());
    }
    List<String> unmapped = init.keySet().stream()
        .filter(k -> k.startsWith(ANONYMOUS_PREFIX))
        .filter(k -> !mapped.contains(k))
        .toList();
    if (!unmapped.isEmpty()) {
      throw new OnnxFormatException(unmapped.size() + " anonymous initializers could not be mapped, e.g. " + unmapped.get(0));
    }
    return out;
  }

  private static String biasAddedTo(String product, Map<String, OnnxNode> consumerOf, Map<String, Tensor> init) {
    OnnxNode add = consumerOf.get(product);
    if (add == null || !add.opType().equals("Add")) {
      return null;
    }
    for (String in : add.inputs()) {
      if (!in.equals(product) && init.containsKey(in) && in.endsWith(".bias")) {
        return in;
      }
    }
    return null;
  }
}
