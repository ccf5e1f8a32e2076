package io.sluice.models.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.weights.HfWeightFiles;
import io.sluice.models.weights.Tensor;
import io.sluice.models.weights.WeightDigest;
import io.sluice.models.weights.WeightFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything read from a Hugging Face decoder directory before anything is placed on a device: config.json,
 * the safetensors weights (single or sharded; FP16/BF16 widened in Java), tokenizer.json, and the optional
 * generation_config.json and tokenizer_config.json (sampling defaults, chat template, special tokens).
 */
public record DecoderCheckpoint(
    DecoderConfig config,
    JsonNode configJson,
    Map<String, Tensor> weights,
    byte[] tokenizerJson,
    JsonNode generationConfig,
    JsonNode tokenizerConfig,
    String sha256) {

  public static final String CONFIG = "config.json";
  public static final String TOKENIZER = "tokenizer.json";
  public static final String GENERATION_CONFIG = "generation_config.json";
  public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code dir}; a non-blank {@code expectedSha256} must match the digest of the weight files. */
  public static DecoderCheckpoint read(Path dir, String expectedSha256) {
    if (!Files.isDirectory(dir)) {
      throw new WeightFormatException("decoder model directory not found: " + dir);
    }
    try {
      JsonNode configJson = JSON.readTree(required(dir, CONFIG).toFile());
      DecoderConfig config = DecoderConfig.fromJson(configJson);
      String digest = WeightDigest.sha256(HfWeightFiles.list(dir));
      WeightDigest.check(expectedSha256, digest, "decoder model " + dir.getFileName());
      byte[] tokenizer = Files.readAllBytes(required(dir, TOKENIZER));
      return new DecoderCheckpoint(config, configJson, HfWeightFiles.read(dir), tokenizer,
          optional(dir, GENERATION_CONFIG), optional(dir, TOKENIZER_CONFIG), digest);
    } catch (IOException e) {
      throw new WeightFormatException("cannot read decoder model " + dir.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** generation_config.json of a model directory, or an empty object when it has none. */
  public static JsonNode readGenerationConfig(Path dir) {
    try {
      return optional(dir, GENERATION_CONFIG);
    } catch (IOException e) {
      throw new WeightFormatException("cannot read " + GENERATION_CONFIG + " of " + dir.getFileName(), e);
    }
  }

  private static Path required(Path dir, String name) {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new WeightFormatException("decoder model directory " + dir.getFileName() + " lacks " + name);
    }
    return p;
  }

  private static JsonNode optional(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    return Files.isRegularFile(p) ? JSON.readTree(p.toFile()) : JSON.createObjectNode();
  }
}
