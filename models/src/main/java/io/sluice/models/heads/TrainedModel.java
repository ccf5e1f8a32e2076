package io.sluice.models.heads;

import io.sluice.models.runtime.EncoderModel;
import java.io.IOException;
import java.nio.file.Path;

/** The result of head training: a usable model plus how training went; save it as a model directory. */
public final class TrainedModel implements AutoCloseable {
  private final EncoderModel model;
  private final TrainingReport report;
  private final int exampleCount;
  private final TrainingOptions options;

  TrainedModel(EncoderModel model, TrainingReport report, int exampleCount, TrainingOptions options) {
    this.model = model;
    this.report = report;
    this.exampleCount = exampleCount;
    this.options = options;
  }

  public TrainingReport report() {
    return report;
  }

  public EncoderModel model() {
    return model;
  }

  /** A classifier view on this model (closing the view closes the model). */
  public TokenClassifier tokenClassifier() {
    return new TokenClassifier(model);
  }

  public SequenceClassifier sequenceClassifier() {
    return new SequenceClassifier(model);
  }

  /**
   * Writes weights, config.json, labels.json, tokenizer.json and MODEL_CARD.md into {@code dir}; load it again
   * with source trained-dir. {@code command} is recorded in the model card (how this model was produced).
   */
  public void save(Path dir, String command) throws IOException {
    new ModelDirectoryWriter(model).write(dir, new ModelCard(model.id(), model.head(), exampleCount, options,
        report, command));
  }

  @Override
  public void close() {
    model.close();
  }
}
