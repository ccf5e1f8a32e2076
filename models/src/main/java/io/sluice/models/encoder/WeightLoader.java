package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.sluice.models.weights.Tensor;
import io.sluice.models.weights.WeightFormatException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Copies named tensors into an initialized block tree, by Hugging Face path, checking every shape.
 * Parameters that may legitimately be absent (a freshly added head) are named by {@code mayBeMissing}.
 */
public final class WeightLoader {
  private WeightLoader() {}

  /** Returns how many parameters were filled from {@code weights}. */
  public static int load(Block initializedRoot, Map<String, Tensor> weights, Predicate<String> mayBeMissing) {
    Map<String, Parameter> params = HfParameterNames.of(initializedRoot);
    List<String> missing = new ArrayList<>();
    int used = 0;
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      Tensor t = weights.get(e.getKey());
      if (t == null) {
        if (!mayBeMissing.test(e.getKey())) {
          missing.add(e.getKey());
        }
        continue;
      }
      NDArray target = e.getValue().getArray();
      Shape expected = target.getShape();
      if (!expected.equals(new Shape(t.shape()))) {
        throw new WeightFormatException("weight " + e.getKey() + " has shape " + new Shape(t.shape())
            + " but the config implies " + expected);
      }
      target.set(FloatBuffer.wrap(t.data()));
      used++;
    }
    if (!missing.isEmpty()) {
      throw new WeightFormatException(missing.size() + " weights missing from checkpoint, e.g. " + missing.get(0));
    }
    return used;
  }
}
