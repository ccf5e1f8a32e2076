package io.sluice.models.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one sequence is generated. {@code sample} false is greedy decoding (temperature, top-k and top-p are then
 * unused); topK 0 and topP 1 disable those filters; repetitionPenalty 1 disables it. stopTokens end the sequence
 * without being part of the output; a stop string ends it and the text is cut before it.
 */
public record GenerationParams(
    boolean sample,
    double temperature,
    int topK,
    double topP,
    double repetitionPenalty,
    int maxNewTokens,
    long seed,
    Set<Integer> stopTokens,
    List<String> stopStrings) implements java.io.Serializable {

  public GenerationParams {
    if (sample && !(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0 when sampling (use greedy decoding for 0)");
    }
    if (topK < 0 || !(topP > 0 && topP <= 1) || !(repetitionPenalty > 0) || maxNewTokens <= 0) {
      throw new IllegalArgumentException("invalid generation parameters: top_k >= 0, 0 < top_p <= 1, "
          + "repetition_penalty > 0 and max_new_tokens > 0 are required");
    }
    stopTokens = Set.copyOf(stopTokens);
    stopStrings = List.copyOf(stopStrings);
  }

  public static GenerationParams greedy(int maxNewTokens) {
    return new GenerationParams(false, 1, 0, 1, 1, maxNewTokens, 0, Set.of(), List.of());
  }

  /**
   * The defaults of a model's generation_config.json, read as transformers does: sampling only when do_sample is
   * true; eos_token_id (a number or a list) are stop tokens; max_new_tokens, else 256.
   */
  public static GenerationParams fromGenerationConfig(JsonNode g) {
    Set<Integer> eos = new TreeSet<>();
    JsonNode e = g.path("eos_token_id");
    if (e.isArray()) {
      e.forEach(id -> eos.add(id.asInt()));
    } else if (e.canConvertToInt()) {
      eos.add(e.asInt());
    }
    return new GenerationParams(
        g.path("do_sample").asBoolean(false),
        g.path("temperature").asDouble(1.0),
        g.path("top_k").asInt(50),
        g.path("top_p").asDouble(1.0),
        g.path("repetition_penalty").asDouble(1.0),
        g.path("max_new_tokens").asInt(256),
        0,
        eos,
        List.of());
  }

  public GenerationParams withSeed(long newSeed) {
    return new GenerationParams(sample, temperature, topK, topP, repetitionPenalty, maxNewTokens, newSeed,
        stopTokens, stopStrings);
  }

  public GenerationParams withMaxNewTokens(int n) {
    return new GenerationParams(sample, temperature, topK, topP, repetitionPenalty, n, seed, stopTokens, stopStrings);
  }

  /** Sampling with the given temperature, top-k and top-p (the stop conditions and penalty are kept). */
  public GenerationParams sampling(double newTemperature, int newTopK, double newTopP) {
    return new GenerationParams(true, newTemperature, newTopK, newTopP, repetitionPenalty, maxNewTokens, seed,
        stopTokens, stopStrings);
  }

  public GenerationParams greedyDecoding() {
    return new GenerationParams(false, temperature, topK, topP, repetitionPenalty, maxNewTokens, seed, stopTokens,
        stopStrings);
  }

  public GenerationParams withRepetitionPenalty(double penalty) {
    return new GenerationParams(sample, temperature, topK, topP, penalty, maxNewTokens, seed, stopTokens, stopStrings);
  }

  public GenerationParams withStops(Set<Integer> tokens, List<String> strings) {
    return new GenerationParams(sample, temperature, topK, topP, repetitionPenalty, maxNewTokens, seed, tokens, strings);
  }
}
