package io.sluice.models.heads;

import java.util.List;

/** Mean loss per epoch, in order, and how many training windows each epoch saw. */
public record TrainingReport(List<Float> epochLosses, int windowsPerEpoch) {
  public float firstLoss() {
    return epochLosses.get(0);
  }

  public float lastLoss() {
    return epochLosses.get(epochLosses.size() - 1);
  }
}
