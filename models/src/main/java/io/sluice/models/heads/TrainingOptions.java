package io.sluice.models.heads;

/** Knobs for head training; freezeEncoder trains only the head (fast, little data), otherwise fine-tunes all. */
public record TrainingOptions(int epochs, float learningRate, int batchSize, boolean freezeEncoder, long seed) {
  public TrainingOptions {
    if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0)) {
      throw new IllegalArgumentException("epochs, batch size and learning rate must be positive");
    }
  }
}
