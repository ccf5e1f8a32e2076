package io.sluice.models.moderation;

import io.sluice.models.ModelLoader;
import io.sluice.models.ModelSpec;
import io.sluice.models.heads.SequenceClassifier;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.ModelCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a {@link ModerationScorer} from a {@link ModerationModelSpec}, and hands out one shared copy per spec
 * and worker device through the runtime's {@link ModelCache} (transforms lease it in @Setup, close in
 * @Teardown).
 */
public final class ModerationModels {
  /** Windows of the HF path when the spec leaves it open: the model's limit, with this much overlap. */
  static final int DEFAULT_HF_STRIDE = 64;

  private ModerationModels() {}

  public static ModerationScorer load(ModerationModelSpec spec, int workerIndex) {
    try {
      return switch (spec.kind()) {
        case EMBEDDED -> head(ModerationModelFiles.embedded(), spec, workerIndex);
        case HEAD_DIR -> head(ModerationModelFiles.read(Path.of(spec.path())), spec, workerIndex);
        case HF_DIR -> hf(spec, workerIndex);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("moderation model " + spec.kind() + " could not be read", e);
    }
  }

  public static ModelCache.Lease<ModerationScorer> shared(ModerationModelSpec spec, int workerIndex) {
    return ModelCache.shared().acquire(List.of("moderation", spec, workerIndex), () -> load(spec, workerIndex));
  }

  private static ModerationScorer head(ModerationModelFiles files, ModerationModelSpec spec, int workerIndex) {
    ModerationModelFiles.Config c = files.config();
    int maxTokens = spec.maxTokens() > 0 ? spec.maxTokens() : c.maxTokens();
    int stride = spec.windowStride() > 0 ? spec.windowStride() : c.windowStride();
    ModelSpec encoderSpec = ModelSpec.embedded(c.encoder()).withDevice(spec.device())
        .withWindowing(maxTokens, stride, 16384, 64);
    EncoderModel encoder = ModelLoader.loadEncoder(encoderSpec, workerIndex);
    try {
      ModerationModelFiles withThresholds = new ModerationModelFiles(c, files.labels(),
          merged(files.thresholds(), spec.thresholds()), files.weights());
      return new HeadModerationScorer(encoder, withThresholds);
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  private static ModerationScorer hf(ModerationModelSpec spec, int workerIndex) {
    ModelSpec modelSpec = ModelSpec.of("hf-moderation:" + Path.of(spec.path()).getFileName(),
            ModelSpec.SourceKind.HF_DIR, spec.path(), ModelSpec.Task.SEQUENCE_CLASSIFICATION)
        .withDevice(spec.device())
        .withWindowing(spec.maxTokens(), spec.windowStride() > 0 ? spec.windowStride() : DEFAULT_HF_STRIDE, 16384, 64)
        .withSha256(spec.sha256());
    SequenceClassifier classifier = ModelLoader.loadSequenceClassifier(modelSpec, workerIndex);
    try {
      Map<String, List<ModerationCategory>> labelMap = new LinkedHashMap<>();
      spec.labelMap().forEach((label, targets) -> {
        List<ModerationCategory> categories = new ArrayList<>();
        targets.forEach(t -> categories.add(ModerationCategory.parse(t)));
        labelMap.put(label, categories);
      });
      float[] thresholds = new float[ModerationCategory.count()];
      java.util.Arrays.fill(thresholds, 0.5f);
      spec.thresholds().forEach((k, v) -> thresholds[ModerationCategory.parse(k).ordinal()] = v);
      return new HfModerationScorer(classifier, labelMap, thresholds);
    } catch (RuntimeException e) {
      classifier.close();
      throw e;
    }
  }

  private static Map<String, Float> merged(Map<String, Float> base, Map<String, Float> overrides) {
    Map<String, Float> out = new LinkedHashMap<>(base);
    out.putAll(overrides);
    return out;
  }
}
