package io.sluice.models.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.decoder.DecoderConfig;
import io.sluice.models.decoder.LoadedDecoder;
import io.sluice.models.decoder.RopeSettings;
import io.sluice.models.weights.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decoder model directories with random weights and a synthetic tokenizer, in the layout of a downloaded
 * Hugging Face model: for benchmarks, and for tests of the jobs that run decoders, where no pretrained weights
 * can be downloaded. The output is noise; speed, shapes and code paths are real.
 */
public final class RandomDecoders {
  public static final List<String> SPECIAL_TOKENS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");
  /**
   * A ChatML chat template in the style of the SmolLM2 and Qwen2.5 instruct models (written for these tests, with
   * the same constructs: whitespace control, a default system prompt, loop.first, filters, raise_exception).
   */
  public static final String CHAT_TEMPLATE = """
      {%- if messages[0]['role'] == 'system' %}
          {{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}
      {%- else %}
          {{- '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}
      {%- endif %}
      {%- for message in messages %}
          {%- if message.role == 'system' %}
              {%- if not loop.first %}
                  {{- raise_exception('Only the first message may be a system message.') }}
              {%- endif %}
          {%- elif message.role == 'user' or message.role == 'assistant' %}
              {{- '<|im_start|>' + message.role + '\\n' + (message.content | trim) + '<|im_end|>\\n' }}
          {%- else %}
              {{- raise_exception('Unknown role: ' + message.role) }}
          {%- endif %}
      {%- endfor %}
      {%- if add_generation_prompt %}
          {{- '<|im_start|>assistant\\n' }}
      {%- endif %}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RandomDecoders() {}

  /** The shape of SmolLM2-135M: hidden 576, 30 layers, 9 heads, 3 key/value heads, vocabulary 49152, tied. */
  public static DecoderConfig smolLm2Shape() {
    return new DecoderConfig("llama", 49152, 576, 30, 9, 3, 64, 1536, 8192, 1e-5f, RopeSettings.plain(100000), true,
        false, false, false, false);
  }

  /** A two-layer Llama small enough for tests of whole jobs (vocabulary 320, context 512). */
  public static DecoderConfig tiny() {
    return tiny(512);
  }

  /** The same with a longer context, for prompts that hold whole documents (extraction). */
  public static DecoderConfig tiny(int maxPositions) {
    return new DecoderConfig("llama", 320, 32, 2, 4, 2, 8, 64, maxPositions, 1e-5f, RopeSettings.plain(10000), true,
        false, false, false, false);
  }

  /**
   * Writes config.json, model.safetensors, tokenizer.json, generation_config.json (greedy, eos = endoftext) and
   * tokenizer_config.json ({@link #CHAT_TEMPLATE}, eos = im_end as an added-token object, as instruct models have).
   */
  public static Path write(Path dir, DecoderConfig config, int maxNewTokens, int seed) throws IOException {
    Files.createDirectories(dir);
    int eos = config.vocabSize() - SPECIAL_TOKENS.size();
    ObjectNode json = config.toJson(JSON);
    json.put("eos_token_id", eos);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), json);
    ObjectNode generation = JSON.createObjectNode();
    generation.put("eos_token_id", eos);
    generation.put("max_new_tokens", maxNewTokens);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("generation_config.json").toFile(), generation);
    Files.write(dir.resolve("tokenizer.json"), SyntheticBpe.tokenizerJson(config.vocabSize(), SPECIAL_TOKENS));
    ObjectNode tokenizerConfig = JSON.createObjectNode();
    tokenizerConfig.put("chat_template", CHAT_TEMPLATE);
    tokenizerConfig.putNull("bos_token");
    tokenizerConfig.putObject("eos_token").put("content", "<|im_end|>").put("special", true);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("tokenizer_config.json").toFile(), tokenizerConfig);
    // the same directory every time: the initializers draw from the engine's generator
    Engine.getEngine("PyTorch").setRandomSeed(seed);
    try (LoadedDecoder random = LoadedDecoder.randomWeights(config, Device.cpu(), DataType.FLOAT32)) {
      SafetensorsWriter.write(dir.resolve("model.safetensors"), random.exportWeights().values());
    }
    return dir;
  }
}
