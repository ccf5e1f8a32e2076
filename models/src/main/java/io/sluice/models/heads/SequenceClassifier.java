package io.sluice.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.sluice.models.ModelSpec.Task;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.WindowAggregation;
import java.util.List;

/**
 * Sequence classification (moderation, topic): per text, one probability per label. Exclusive labels use
 * softmax and long texts average their windows; multi-label heads use sigmoid and take each label's maximum
 * over windows (present anywhere means present). Thread-safe.
 */
public final class SequenceClassifier implements AutoCloseable {
  private final EncoderModel model;
  private final HeadConfig head;

  public SequenceClassifier(EncoderModel model) {
    if (model.head() == null || model.head().task() != Task.SEQUENCE_CLASSIFICATION) {
      throw new IllegalArgumentException("model " + model.id() + " has no sequence classification head");
    }
    this.model = model;
    this.head = model.head();
  }

  public List<String> labels() {
    return head.labels();
  }

  public boolean multiLabel() {
    return head.multiLabel();
  }

  public EncoderModel model() {
    return model;
  }

  /** [text][label] probabilities, columns in {@link #labels()} order. */
  public float[][] predict(List<String> texts) {
    return model.perText(texts, (hidden, mask) -> {
      NDArray logits = model.encoder().head().logits(new ParameterStore(hidden.getManager(), false), hidden, mask, false);
      return head.multiLabel() ? Activation.sigmoid(logits) : logits.softmax(-1);
    }, head.multiLabel() ? WindowAggregation.MAX : WindowAggregation.WEIGHTED_MEAN);
  }

  @Override
  public void close() {
    model.close();
  }
}
