package io.sluice.transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Base of every Sluice transform's result: the transform's own outputs plus the dead letters, so a
 * job can route failures without knowing which step produced them.
 */
public abstract class TransformResult implements POutput {
  private final Pipeline pipeline;
  private final Map<TupleTag<?>, PValue> outputs;
  private final PCollection<io.sluice.schemas.DeadLetter> deadLetters;

  protected TransformResult(
      Pipeline pipeline, Map<TupleTag<?>, PValue> mainOutputs, PCollection<io.sluice.schemas.DeadLetter> deadLetters) {
    this.pipeline = pipeline;
    this.deadLetters = deadLetters;
    Map<TupleTag<?>, PValue> all = new LinkedHashMap<>(mainOutputs);
    all.put(new TupleTag<io.sluice.schemas.DeadLetter>("deadLetters"), deadLetters);
    this.outputs = all;
  }

  public PCollection<io.sluice.schemas.DeadLetter> deadLetters() {
    return deadLetters;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return outputs;
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}

  /**
   * Sluice's batching transforms emit earlier elements' outputs while processing later ones, which is
   * only correct when everything shares one window: fail at construction otherwise.
   */
  public static void requireGlobalWindow(PCollection<?> input, String transformName) {
    if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException(
          transformName + " runs on batch input in the global window; remove the windowing before it");
    }
  }
}
