package io.sluice.models.moderation;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.WindowAggregation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Our moderation head ({@link ModerationModelFiles}) on an encoder: per window, sentence features -> head ->
 * sigmoid; per text, the maximum over windows. The head's weights live in their own manager on the encoder's
 * device, in FP32 (features are cast up from FP16 on GPU).
 */
final class HeadModerationScorer implements ModerationScorer {
  private final EncoderModel encoder;
  private final NDManager headManager;
  private final ModerationHead head;
  private final float[] thresholds;

  HeadModerationScorer(EncoderModel encoder, ModerationModelFiles files) {
    if (!files.labels().equals(TrainModeration.labels())) {
      throw new IllegalArgumentException("moderation head labels " + files.labels() + " are not the categories "
          + TrainModeration.labels());
    }
    this.encoder = encoder;
    this.headManager = encoder.encoder().manager().newSubManager();
    try {
      this.head = new ModerationHead(files.config().inputSize(), files.config().hiddenSize(), files.labels().size(), 0f);
      head.initialize(headManager);
      head.load(files.weights());
    } catch (RuntimeException e) {
      headManager.close();
      throw e;
    }
    this.thresholds = files.thresholdArray();
  }

  @Override
  public String id() {
    return encoder.id() + "+moderation-head";
  }

  @Override
  public float[][] score(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    return encoder.perText(texts, (hidden, mask) -> {
      var features = SentenceFeatures.of(hidden, mask, encoder.pooling()).toType(DataType.FLOAT32, false);
      return Activation.sigmoid(head.logits(new ParameterStore(hidden.getManager(), false), features, false));
    }, WindowAggregation.MAX);
  }

  @Override
  public Set<ModerationCategory> covered() {
    return EnumSet.allOf(ModerationCategory.class);
  }

  @Override
  public float[] defaultThresholds() {
    return thresholds.clone();
  }

  @Override
  public long tokensProcessed() {
    return encoder.stats().realTokens();
  }

  @Override
  public void close() {
    headManager.close();
    encoder.close();
  }
}
