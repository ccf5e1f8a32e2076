package io.sluice.transforms;

import io.sluice.models.runtime.ModelCache;
import io.sluice.pii.Detection;
import io.sluice.pii.analyzer.Analyzer;
import io.sluice.policy.Policy;
import java.util.List;
import java.util.UUID;

/**
 * A {@link BatchingDoFn} that runs a policy's analyzer over its elements' texts, batches weighed by text length.
 * Every copy of the DoFn in a JVM shares one analyzer, leased from the per-JVM {@link ModelCache} at setup and
 * released at teardown (the last release closes it, and with it any model it holds): runners may make a copy per
 * task or thread (Beam's Spark runner one per task, with setup and teardown each time), and an analyzer per copy
 * would compile its patterns and load its tables again and start with cold caches (a build costs about 45 ms;
 * the patterns-only sweep on Spark local[2] builds two per run, so this matters more for many short tasks). The
 * analyzer is thread-safe, so the copies may use it at once. Texts are
 * analyzed as one batch so model-based recognizers batch their windows; when the batch fails as a whole, each
 * element is analyzed alone so that only the one that fails is lost to the dead letters.
 */
public abstract class AnalyzingFn<InputT, OutputT> extends BatchingDoFn<InputT, OutputT> {
  private final Policy policy;
  /**
   * The shared analyzer's key: made once, when the pipeline is built, so every deserialized copy of this DoFn
   * (each with its own copy of the policy) finds the same analyzer.
   */
  private final String analyzerKey;
  private transient ModelCache.Lease<Analyzer> analyzer;

  protected AnalyzingFn(Policy policy, int maxElements, long maxChars) {
    super(maxElements, maxChars);
    this.policy = policy;
    this.analyzerKey = "analyzer of policy '" + policy.name + "' (" + UUID.randomUUID() + ")";
  }

  /** The text of an element, the analyzer's input. */
  protected abstract String textOf(InputT element);

  @Setup
  public void setup() {
    analyzer = ModelCache.shared().acquire(analyzerKey, () -> Analyzer.fromPolicy(policy));
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
      return analyzer.get().analyzeAll(elements.stream().map(this::textOf).toList());
    } catch (RuntimeException batchFailure) {
      return null;
    }
  }

  /**
   * The detections of element {@code index}: from {@code batch}, or, after a failed batch, by analyzing the
   * element alone (which throws when it is the one that fails).
   */
  protected final List<Detection> detections(List<List<Detection>> batch, int index, InputT element) {
    return batch != null ? batch.get(index) : analyzer.get().analyze(textOf(element));
  }
}
