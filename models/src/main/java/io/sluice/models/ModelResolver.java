package io.sluice.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.ModelSpec.SourceKind;
import io.sluice.models.ModelSpec.Task;
import io.sluice.models.encoder.CheckpointNames;
import io.sluice.models.encoder.EncoderConfig;
import io.sluice.models.encoder.Pooling;
import io.sluice.models.heads.HeadConfig;
import io.sluice.models.onnx.OnnxReader;
import io.sluice.models.onnx.OnnxWeightImporter;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.weights.HfWeightFiles;
import io.sluice.models.weights.Tensor;
import io.sluice.models.weights.WeightDigest;
import io.sluice.models.weights.WeightFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ModelSpec}'s source into a {@link ResolvedModel}: HF directory (config.json, safetensors,
 * tokenizer.json), trained directory (the same plus labels.json and the head section), ONNX file (config.json
 * and tokenizer.json beside it) or an embedded model. Weight files are digested and checked against the spec.
 */
public final class ModelResolver {
  static final String CONFIG = "config.json";
  static final String TOKENIZER = "tokenizer.json";
  static final String LABELS = "labels.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelResolver() {}

  public static ResolvedModel resolve(ModelSpec spec) {
    try {
      return switch (spec.source()) {
        case EMBEDDED -> embedded(spec);
        case ONNX -> onnxFile(spec);
        case HF_DIR, TRAINED_DIR -> directory(spec);
      };
    } catch (IOException e) {
      throw new WeightFormatException("cannot read model " + spec.id() + ": " + e.getMessage(), e);
    }
  }

  private static ResolvedModel embedded(ModelSpec spec) throws IOException {
    EmbeddedModel m = EmbeddedModel.byId(spec.path()).orElseThrow(() -> new IllegalArgumentException(
        "no embedded model '" + spec.path() + "'; known: " + java.util.Arrays.toString(EmbeddedModel.values())));
    if (spec.task() != Task.ENCODER) {
      throw new IllegalArgumentException("embedded model " + m.id() + " is a bare encoder; task must be encoder");
    }
    byte[] onnx = m.onnxBytes();
    String digest = WeightDigest.sha256(onnx);
    WeightDigest.check(spec.sha256(), digest, "embedded model " + m.id());
    byte[] tokenizer;
    try (InputStream in = m.openTokenizer()) {
      tokenizer = in.readAllBytes();
    }
    return new ResolvedModel(spec.id(), m.config(), OnnxWeightImporter.hfWeights(OnnxReader.read(onnx)), tokenizer,
        Pooling.parse(m.pooling()), null, List.of("classpath:" + m.id() + ".onnx"), digest);
  }

  private static ResolvedModel onnxFile(ModelSpec spec) throws IOException {
    Path file = Path.of(spec.path());
    if (!Files.isRegularFile(file)) {
      throw new WeightFormatException("ONNX file not found for model " + spec.id());
    }
    byte[] onnx = Files.readAllBytes(file);
    String digest = WeightDigest.sha256(onnx);
    WeightDigest.check(spec.sha256(), digest, "model " + spec.id());
    Path dir = file.toAbsolutePath().getParent();
    JsonNode config = readJson(dir.resolve(CONFIG), spec);
    return new ResolvedModel(spec.id(), EncoderConfig.fromJson(config),
        CheckpointNames.normalize(OnnxWeightImporter.hfWeights(OnnxReader.read(onnx))),
        readFile(dir.resolve(TOKENIZER), spec), poolingOf(config), null, List.of(file.toString()), digest);
  }

  private static ResolvedModel directory(ModelSpec spec) throws IOException {
    Path dir = Path.of(spec.path());
    if (!Files.isDirectory(dir)) {
      throw new WeightFormatException("model directory not found for model " + spec.id());
    }
    JsonNode config = readJson(dir.resolve(CONFIG), spec);
    List<Path> files = HfWeightFiles.list(dir);
    String digest = WeightDigest.sha256(files);
    WeightDigest.check(spec.sha256(), digest, "model " + spec.id());
    Map<String, Tensor> weights = CheckpointNames.normalize(HfWeightFiles.read(dir));
    HeadConfig head = null;
    boolean wantsHead = spec.task() != Task.ENCODER || spec.source() == SourceKind.TRAINED_DIR;
    if (wantsHead && weights.containsKey("classifier.weight")) {
      Path labels = dir.resolve(LABELS);
      List<String> labelList = Files.isRegularFile(labels)
          ? List.of(JSON.readValue(labels.toFile(), String[].class)) : null;
      head = HeadConfig.fromConfig(config, labelList, spec.task(), weights.containsKey("pooler.dense.weight"));
    } else if (spec.task() != Task.ENCODER) {
      throw new WeightFormatException("model " + spec.id() + " has task " + spec.task().label()
          + " but its weights have no classifier");
    }
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(f.getFileName().toString()));
    return new ResolvedModel(spec.id(), EncoderConfig.fromJson(config), weights,
        readFile(dir.resolve(TOKENIZER), spec), poolingOf(config), head, names, digest);
  }

  private static Pooling poolingOf(JsonNode config) {
    return Pooling.parse(config.path("sluice_pooling").asText("mean"));
  }

  private static JsonNode readJson(Path file, ModelSpec spec) throws IOException {
    return JSON.readTree(readFile(file, spec));
  }

  private static byte[] readFile(Path file, ModelSpec spec) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new WeightFormatException("model " + spec.id() + " lacks " + file.getFileName());
    }
    return Files.readAllBytes(file);
  }
}
