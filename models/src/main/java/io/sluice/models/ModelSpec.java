package io.sluice.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Names a model and how to run it. {@code path} is a directory (hf-dir, trained-dir), an .onnx file (onnx, with
 * config.json and tokenizer.json beside it) or an embedded model id (embedded). {@code sha256} pins the weight
 * files (see {@link io.sluice.models.weights.WeightDigest}); {@code device} is cpu, gpu, gpu:N or auto.
 * Zero for maxTokens means the model's own limit; a window stride of -1 means a quarter of the window.
 */
public record ModelSpec(
    String id,
    SourceKind source,
    String path,
    Task task,
    int maxTokens,
    int windowStride,
    int batchTokenBudget,
    int maxBatchSize,
    String device,
    String sha256) {

  public static final int AUTO_STRIDE = -1;

  public enum SourceKind {
    HF_DIR, ONNX, EMBEDDED, TRAINED_DIR;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SourceKind parse(String s) {
      for (SourceKind k : values()) {
        if (k.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown model source '" + s + "'; use hf-dir, onnx, embedded or trained-dir");
    }
  }

  public enum Task {
    ENCODER, TOKEN_CLASSIFICATION, SEQUENCE_CLASSIFICATION, GENERATION;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Task parse(String s) {
      for (Task t : values()) {
        if (t.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown task '" + s + "'; use encoder, token-classification, sequence-classification or generation");
    }
  }

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(task, "task");
    device = device == null || device.isBlank() ? "cpu" : device.trim();
    if (maxTokens < 0 || windowStride < -1 || batchTokenBudget <= 0 || maxBatchSize <= 0) {
      throw new IllegalArgumentException("model spec " + id + ": sizes must be positive");
    }
  }

  public static ModelSpec of(String id, SourceKind source, String path, Task task) {
    return new ModelSpec(id, source, path, task, 0, AUTO_STRIDE, 16384, 64, "cpu", null);
  }

  public static ModelSpec embedded(String embeddedId) {
    return of(embeddedId, SourceKind.EMBEDDED, embeddedId, Task.ENCODER);
  }

  public ModelSpec withDevice(String newDevice) {
    return new ModelSpec(id, source, path, task, maxTokens, windowStride, batchTokenBudget, maxBatchSize, newDevice, sha256);
  }

  public ModelSpec withSha256(String digest) {
    return new ModelSpec(id, source, path, task, maxTokens, windowStride, batchTokenBudget, maxBatchSize, device, digest);
  }

  public ModelSpec withWindowing(int newMaxTokens, int newStride, int newBudget, int newMaxBatch) {
    return new ModelSpec(id, source, path, task, newMaxTokens, newStride, newBudget, newMaxBatch, device, sha256);
  }

  /** Reads a spec from JSON: {"id", "source", "path", "task", "max_tokens", "window_stride", ...}. */
  public static ModelSpec fromJson(JsonNode n) {
    String id = n.path("id").asText(null);
    if (id == null || !n.has("source") || !n.has("path")) {
      throw new IllegalArgumentException("model spec needs id, source and path");
    }
    return new ModelSpec(id, SourceKind.parse(n.get("source").asText()), n.get("path").asText(),
        Task.parse(n.path("task").asText("encoder")),
        n.path("max_tokens").asInt(0),
        n.path("window_stride").asInt(AUTO_STRIDE),
        n.path("batch_token_budget").asInt(16384),
        n.path("max_batch_size").asInt(64),
        n.path("device").asText("cpu"),
        n.hasNonNull("sha256") ? n.get("sha256").asText() : null);
  }

  public static ModelSpec fromFile(Path json) throws IOException {
    return fromJson(new ObjectMapper().readTree(json.toFile()));
  }
}
