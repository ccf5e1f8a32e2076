package io.sluice.models.generate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.models.decoder.DecoderCheckpoint;
import io.sluice.models.decoder.LoadedDecoder;
import io.sluice.models.generate.template.ChatMessage;
import io.sluice.models.generate.template.ChatTemplate;
import io.sluice.models.text.TextTokenizer;
import java.util.List;

/**
 * A loaded generative model: decoder weights on a device, its tokenizer, the sampling defaults of its
 * generation_config.json and its tokenizer_config.json (chat template, special tokens). Shared by all threads
 * of a worker; each thread generates with its own {@link Generator}.
 */
public final class DecoderModel implements AutoCloseable {
  private final String id;
  private final LoadedDecoder decoder;
  private final TextTokenizer tokenizer;
  private final GenerationParams defaults;
  private final JsonNode tokenizerConfig;
  private final ChatTemplate chatTemplate;
  private final String noTemplateReason;

  /** @param chatTemplate null when the model has none; {@code noTemplateReason} then says why */
  public DecoderModel(String id, LoadedDecoder decoder, TextTokenizer tokenizer, GenerationParams defaults,
      JsonNode tokenizerConfig, ChatTemplate chatTemplate, String noTemplateReason) {
    this.id = id;
    this.decoder = decoder;
    this.tokenizer = tokenizer;
    this.defaults = defaults;
    this.tokenizerConfig = tokenizerConfig;
    this.chatTemplate = chatTemplate;
    this.noTemplateReason = noTemplateReason;
  }

  public static DecoderModel of(String id, DecoderCheckpoint checkpoint, LoadedDecoder decoder, TextTokenizer tokenizer,
      ChatTemplate chatTemplate, String noTemplateReason) {
    return new DecoderModel(id, decoder, tokenizer, GenerationParams.fromGenerationConfig(checkpoint.generationConfig()),
        checkpoint.tokenizerConfig(), chatTemplate, noTemplateReason);
  }

  public String id() {
    return id;
  }

  public LoadedDecoder decoder() {
    return decoder;
  }

  public TextTokenizer tokenizer() {
    return tokenizer;
  }

  /** The model's own generation defaults (greedy unless its generation_config.json says do_sample). */
  public GenerationParams defaults() {
    return defaults;
  }

  /** tokenizer_config.json (empty when the directory has none): chat_template, bos_token, eos_token. */
  public JsonNode tokenizerConfig() {
    return tokenizerConfig;
  }

  /** Token ids of a plain prompt with the tokenizer's own special tokens (e.g. Llama 3's begin-of-text). */
  public long[] encodePrompt(String prompt) {
    return tokenizer.encodeWithSpecialTokens(prompt);
  }

  /** Whether the model has a chat template (instruct models do, base models do not). */
  public boolean hasChatTemplate() {
    return chatTemplate != null;
  }

  /**
   * Token ids of a conversation rendered with the model's chat template, ending with the assistant's opening. The
   * template writes the special tokens itself, so none are added (as transformers' apply_chat_template does).
   */
  public long[] encodeChat(List<ChatMessage> messages) {
    if (chatTemplate == null) {
      throw new IllegalArgumentException(noTemplateReason);
    }
    return tokenizer.tokenize(chatTemplate.render(messages, true)).ids();
  }

  public Generator newGenerator(int maxBatch) {
    return new Generator(decoder, tokenizer, maxBatch);
  }

  @Override
  public void close() {
    try {
      tokenizer.close();
    } finally {
      decoder.close();
    }
  }
}
