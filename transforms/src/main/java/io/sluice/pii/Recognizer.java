package io.sluice.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds entities of some types in text. Pattern recognizers and model-based ones (SLM NER) share this
 * interface, so the analyzer and the pipeline never need to know which kind they run.
 *
 * <p>Implementations must be safe to call from several threads at once: one instance serves every
 * DoFn thread of a worker.
 */
public interface Recognizer extends AutoCloseable {

  /** Stable name written to {@code Finding.detector}. */
  String name();

  /** Entity types this recognizer can emit. */
  Set<String> supportedEntities();

  /**
   * Words that, found near a match, make it more likely to be real (Presidio's context enhancement).
   * The policy may add to them per entity.
   */
  default Set<String> contextWords() {
    return Set.of();
  }

  /** Detections in {@code text}, in char offsets, before thresholds and conflict resolution. */
  List<Detection> analyze(String text);

  /**
   * Detections for several texts at once. Model-based recognizers override this to batch a bundle
   * through the model; pattern recognizers keep the per-text loop.
   */
  default List<List<Detection>> analyzeAll(List<String> texts) {
    List<List<Detection>> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(analyze(text));
    }
    return out;
  }

  /** Releases native resources (models). Pattern recognizers hold none. */
  @Override
  default void close() {}
}
