package io.sluice.synth.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.synth.SpecException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Strings with weights, drawn by binary search over the cumulative weights. */
public final class WeightedValues implements Serializable {
  private final List<String> values;
  private final double[] cumulative;

  WeightedValues(List<String> values, double[] weights, String path) {
    if (values.isEmpty()) {
      throw new SpecException(path + " needs at least one value");
    }
    this.values = List.copyOf(values);
    this.cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i]) || weights[i] < 0) {
        throw new SpecException(path + ": the weight of '" + values.get(i) + "' is " + weights[i]
            + "; weights must be finite numbers >= 0");
      }
      total += weights[i];
      cumulative[i] = total;
    }
    if (total <= 0) {
      throw new SpecException(path + ": the weights add up to 0; give at least one a positive weight");
    }
  }

  static WeightedValues parse(JsonNode node, String path) {
    List<String> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> {
        values.add(v.asText());
        weights.add(1.0);
      });
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNumber()) {
          throw new SpecException(path + "." + e.getKey() + ": a weight must be a number, not '"
              + e.getValue().asText() + "'");
        }
        values.add(e.getKey());
        weights.add(e.getValue().asDouble());
      });
    } else {
      throw new SpecException(path + " must be a list of values or a map of value: weight");
    }
    return new WeightedValues(values, weights.stream().mapToDouble(Double::doubleValue).toArray(), path);
  }

  public List<String> values() {
    return values;
  }

  public String draw(Random random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return values.get(lo);
  }
}
