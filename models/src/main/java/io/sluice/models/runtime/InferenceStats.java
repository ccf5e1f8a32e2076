package io.sluice.models.runtime;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what a model has processed; thread-safe. Padding fraction is the batching quality. */
public final class InferenceStats {
  private final AtomicLong texts = new AtomicLong();
  private final AtomicLong windows = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong realTokens = new AtomicLong();
  private final AtomicLong paddedTokens = new AtomicLong();

  void record(int textCount, int windowCount, int batchCount, long real, long padded) {
    texts.addAndGet(textCount);
    windows.addAndGet(windowCount);
    batches.addAndGet(batchCount);
    realTokens.addAndGet(real);
    paddedTokens.addAndGet(padded);
  }

  public long texts() {
    return texts.get();
  }

  public long windows() {
    return windows.get();
  }

  public long batches() {
    return batches.get();
  }

  public long realTokens() {
    return realTokens.get();
  }

  public long paddedTokens() {
    return paddedTokens.get();
  }

  public double paddingFraction() {
    long padded = paddedTokens.get();
    return padded == 0 ? 0 : (double) (padded - realTokens.get()) / padded;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "texts=%d windows=%d batches=%d tokens=%d padding=%.3f",
        texts(), windows(), batches(), realTokens(), paddingFraction());
  }
}
