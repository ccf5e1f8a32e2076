package io.sluice.generate;

import io.sluice.models.generate.GenerationParams;
import java.io.Serializable;

/**
 * The serializable configuration of {@link Generate}: what is shipped to workers, where the model is loaded.
 *
 * @param params null: the model's generation_config.json defaults
 * @param schemaJson null: free text
 */
record GenerateSettings(String modelDir, String device, GenerationParams params, String schemaJson, int attempts,
    int batchSize, long jobSeed) implements Serializable {

  GenerateSettings {
    if (modelDir == null || modelDir.isBlank()) {
      throw new IllegalArgumentException("Generate needs a model directory");
    }
    if (attempts < 1 || batchSize < 1) {
      throw new IllegalArgumentException("attempts and batch size must be at least 1");
    }
  }

  static GenerateSettings of(String modelDir) {
    return new GenerateSettings(modelDir, "cpu", null, null, 3, 8, 0);
  }

  GenerateSettings withDevice(String d) {
    return new GenerateSettings(modelDir, d, params, schemaJson, attempts, batchSize, jobSeed);
  }

  GenerateSettings withParams(GenerationParams p) {
    return new GenerateSettings(modelDir, device, p, schemaJson, attempts, batchSize, jobSeed);
  }

  GenerateSettings withSchema(String schema, int tries) {
    return new GenerateSettings(modelDir, device, params, schema, tries, batchSize, jobSeed);
  }

  GenerateSettings withBatchSize(int size) {
    return new GenerateSettings(modelDir, device, params, schemaJson, attempts, size, jobSeed);
  }

  GenerateSettings withJobSeed(long seed) {
    return new GenerateSettings(modelDir, device, params, schemaJson, attempts, batchSize, seed);
  }
}
