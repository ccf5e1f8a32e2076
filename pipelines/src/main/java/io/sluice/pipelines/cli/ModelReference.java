package io.sluice.pipelines.cli;

import io.sluice.models.ModelSpec;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Turns what a user types after {@code sluice models info|verify} into a {@link ModelSpec}: an embedded
 * model id, a spec file ({@code *.json}), an ONNX file, or a model directory (Hugging Face format or one
 * our training wrote).
 */
final class ModelReference {
  private ModelReference() {}

  static ModelSpec parse(String reference, String device) {
    ModelSpec spec = EmbeddedModel.byId(reference).map(m -> ModelSpec.embedded(m.id())).orElse(null);
    if (spec == null) {
      spec = fromPath(Path.of(reference));
    }
    return device == null ? spec : spec.withDevice(device);
  }

  private static ModelSpec fromPath(Path path) {
    if (!Files.exists(path)) {
      throw new ConfigException("no model '" + path + "': give an embedded id ("
          + Arrays.stream(EmbeddedModel.values()).map(EmbeddedModel::id).collect(Collectors.joining(", "))
          + "), a model spec .json, an .onnx file or a model directory");
    }
    String name = path.getFileName().toString();
    try {
      if (name.endsWith(".json")) {
        return ModelSpec.fromFile(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model spec " + path, e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("model spec " + path + ": " + e.getMessage());
    }
    if (name.endsWith(".onnx")) {
      return ModelSpec.of(name, ModelSpec.SourceKind.ONNX, path.toString(), ModelSpec.Task.ENCODER);
    }
    // Our training writes labels.json beside the weights; a plain Hugging Face directory has none.
    boolean trained = Files.exists(path.resolve("labels.json"));
    return ModelSpec.of(name, trained ? ModelSpec.SourceKind.TRAINED_DIR : ModelSpec.SourceKind.HF_DIR,
        path.toString(), ModelSpec.Task.ENCODER);
  }
}
