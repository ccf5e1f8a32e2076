package io.sluice.models.generate;

import ai.djl.Device;
import io.sluice.models.ModelSpec;
import io.sluice.models.decoder.DecoderCheckpoint;
import io.sluice.models.decoder.LoadedDecoder;
import io.sluice.models.generate.template.ChatTemplate;
import io.sluice.models.runtime.DeviceChoice;
import io.sluice.models.runtime.ModelCache;
import io.sluice.models.text.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads generative models named by a {@link ModelSpec} (source hf-dir, task generation) onto the spec's device,
 * and hands out one shared copy per JVM and device through {@link ModelCache}.
 */
public final class DecoderLoader {
  private DecoderLoader() {}

  public static DecoderModel load(ModelSpec spec, int workerIndex) {
    if (spec.source() != ModelSpec.SourceKind.HF_DIR) {
      throw new IllegalArgumentException("generative model " + spec.id() + " must be an hf-dir (a Hugging Face "
          + "model directory), not " + spec.source().label());
    }
    Path dir = Path.of(spec.path());
    DecoderCheckpoint checkpoint = DecoderCheckpoint.read(dir, spec.sha256());
    ChatTemplate template = null;
    String noTemplate = null;
    try {
      template = ChatTemplate.fromModelDirectory(dir);
    } catch (IllegalArgumentException e) {
      noTemplate = e.getMessage(); // only chat-format prompts need it: fail those, not the load
    } catch (IOException e) {
      throw new UncheckedIOException("tokenizer_config.json of model " + spec.id() + " could not be read", e);
    }
    Device device = DeviceChoice.resolve(spec.device(), workerIndex);
    LoadedDecoder decoder = LoadedDecoder.create(checkpoint.config(), checkpoint.weights(), device,
        DeviceChoice.precisionFor(device));
    try {
      TextTokenizer tokenizer = TextTokenizer.fromBytes(checkpoint.tokenizerJson(), 0);
      return DecoderModel.of(spec.id(), checkpoint, decoder, tokenizer, template, noTemplate);
    } catch (IOException | RuntimeException e) {
      decoder.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("tokenizer of model " + spec.id() + " could not be read", io);
      }
      throw (RuntimeException) e;
    }
  }

  /** A directory loaded with default settings on {@code device} (cpu, gpu, gpu:N, auto). */
  public static DecoderModel load(Path dir, String device) {
    ModelSpec spec = ModelSpec.of(dir.getFileName().toString(), ModelSpec.SourceKind.HF_DIR, dir.toString(),
        ModelSpec.Task.GENERATION);
    return load(new ModelSpec(spec.id(), spec.source(), spec.path(), spec.task(), spec.maxTokens(), spec.windowStride(),
        spec.batchTokenBudget(), spec.maxBatchSize(), device, null), 0);
  }

  public static ModelCache.Lease<DecoderModel> shared(ModelSpec spec, int workerIndex) {
    Object key = List.of(spec, "decoder", DeviceChoice.resolve(spec.device(), workerIndex).toString());
    return ModelCache.shared().acquire(key, () -> load(spec, workerIndex));
  }
}
