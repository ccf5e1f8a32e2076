package io.sluice.transforms;

import io.sluice.pii.Detection;
import io.sluice.pii.analyzer.Analyzer;
import io.sluice.policy.Policy;
import java.util.List;

/**
 * A {@link BatchingDoFn} that runs a policy's analyzer over its elements' texts: one analyzer per DoFn instance
 * (its models come from the per-JVM cache), closed at teardown, batches weighed by text length. Texts are
 * analyzed as one batch so model-based recognizers batch their windows; when the batch fails as a whole, each
 * element is analyzed alone so that only the one that fails is lost to the dead letters.
 */
public abstract class AnalyzingFn<InputT, OutputT> extends BatchingDoFn<InputT, OutputT> {
  private final Policy policy;
  private transient Analyzer analyzer;

  protected AnalyzingFn(Policy policy, int maxElements, long maxChars) {
    super(maxElements, maxChars);
    this.policy = policy;
  }

  /** The text of an element, the analyzer's input. */
  protected abstract String textOf(InputT element);

  @Setup
  public void setup() {
    analyzer = Analyzer.fromPolicy(policy);
  }

  @Teardown
  public void teardown() {
    if (analyzer != null) {
      analyzer.close();
      analyzer = null;
    }
  }

  @Override
  protected long weight(InputT element) {
    return textOf(element).length();
  }

  /** Detections of every element's text analyzed as one batch; null when the batch failed as a whole. */
  protected final List<List<Detection>> analyzeBatchOrNull(List<InputT> elements) {
    try {
      return analyzer.analyzeAll(elements.stream().map(this::textOf).toList());
    } catch (RuntimeException batchFailure) {
      return null;
    }
  }

  /**
   * The detections of element {@code index}: from {@code batch}, or, after a failed batch, by analyzing the
   * element alone (which throws when it is the one that fails).
   */
  protected final List<Detection> detections(List<List<Detection>> batch, int index, InputT element) {
    return batch != null ? batch.get(index) : analyzer.analyze(textOf(element));
  }
}
