package io.sluice.models;

import ai.djl.Device;
import io.sluice.models.heads.SequenceClassifier;
import io.sluice.models.heads.TokenClassifier;
import io.sluice.models.runtime.DeviceChoice;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.LoadedEncoder;
import io.sluice.models.runtime.ModelCache;
import io.sluice.models.runtime.RuntimeSettings;
import io.sluice.models.text.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads models from specs onto the device the spec asks for, and hands out shared per-JVM copies through
 * {@link ModelCache}: transforms call {@code shared...} in @Setup and close the lease in @Teardown.
 */
public final class ModelLoader {
  private ModelLoader() {}

  public static EncoderModel loadEncoder(ModelSpec spec, int workerIndex) {
    ResolvedModel r = ModelResolver.resolve(spec);
    Device device = DeviceChoice.resolve(spec.device(), workerIndex);
    LoadedEncoder encoder = LoadedEncoder.create(r.config(), r.weights(), device, DeviceChoice.precisionFor(device),
        r.head() == null ? null : r.head().newBlock(r.config().hiddenSize(), r.config().hiddenDropout()), false);
    return wrap(spec, r, encoder);
  }

  public static TokenClassifier loadTokenClassifier(ModelSpec spec, int workerIndex) {
    EncoderModel model = loadEncoder(requireTask(spec, ModelSpec.Task.TOKEN_CLASSIFICATION), workerIndex);
    return new TokenClassifier(model);
  }

  public static SequenceClassifier loadSequenceClassifier(ModelSpec spec, int workerIndex) {
    EncoderModel model = loadEncoder(requireTask(spec, ModelSpec.Task.SEQUENCE_CLASSIFICATION), workerIndex);
    return new SequenceClassifier(model);
  }

  public static ModelCache.Lease<EncoderModel> sharedEncoder(ModelSpec spec, int workerIndex) {
    return ModelCache.shared().acquire(key(spec, "encoder", workerIndex), () -> loadEncoder(spec, workerIndex));
  }

  public static ModelCache.Lease<TokenClassifier> sharedTokenClassifier(ModelSpec spec, int workerIndex) {
    return ModelCache.shared().acquire(key(spec, "token", workerIndex), () -> loadTokenClassifier(spec, workerIndex));
  }

  public static ModelCache.Lease<SequenceClassifier> sharedSequenceClassifier(ModelSpec spec, int workerIndex) {
    return ModelCache.shared().acquire(key(spec, "sequence", workerIndex),
        () -> loadSequenceClassifier(spec, workerIndex));
  }

  /** One copy per spec and resolved device: threads of one worker share it; GPUs each get their own. */
  private static Object key(ModelSpec spec, String kind, int workerIndex) {
    return java.util.List.of(spec, kind, DeviceChoice.resolve(spec.device(), workerIndex).toString());
  }

  static EncoderModel wrap(ModelSpec spec, ResolvedModel r, LoadedEncoder encoder) {
    try {
      TextTokenizer tokenizer = TextTokenizer.fromBytes(r.tokenizerJson(), r.config().padTokenId());
      return new EncoderModel(spec.id(), encoder, tokenizer, r.pooling(), r.head(), new RuntimeSettings(
          spec.maxTokens(), spec.windowStride(), spec.batchTokenBudget(), spec.maxBatchSize()));
    } catch (IOException e) {
      encoder.close();
      throw new UncheckedIOException("tokenizer of model " + spec.id() + " could not be read", e);
    }
  }

  private static ModelSpec requireTask(ModelSpec spec, ModelSpec.Task task) {
    if (spec.task() != task) {
      throw new IllegalArgumentException("model " + spec.id() + " has task " + spec.task().label() + ", not " + task.label());
    }
    return spec;
  }
}
