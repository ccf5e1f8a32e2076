package io.sluice.models.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's own chat template (the {@code chat_template} of its tokenizer_config.json, or chat_template.jinja)
 * rendered with Jinjava the way transformers' {@code apply_chat_template} renders it with Jinja2: trim_blocks and
 * lstrip_blocks on, {@code bos_token}, {@code eos_token}, {@code messages} and {@code add_generation_prompt} bound,
 * and {@code raise_exception(message)} failing the render with the template's message.
 */
public final class ChatTemplate {
  private static final String CONFIG_FILE = "tokenizer_config.json";
  private static final String TEMPLATE_FILE = "chat_template.jinja";

  private final String template;
  private final String bosToken;
  private final String eosToken;
  private final Jinjava jinjava;

  public ChatTemplate(String template, String bosToken, String eosToken) {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("empty chat template");
    }
    this.template = WhitespaceControl.apply(template);
    this.bosToken = bosToken == null ? "" : bosToken;
    this.eosToken = eosToken == null ? "" : eosToken;
    JinjavaConfig config = JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true).build();
    this.jinjava = new Jinjava(config);
    jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
        TemplateFailure.class, "raise", String.class));
  }

  /** The template of a Hugging Face model directory; fails with what to add when the directory has none. */
  public static ChatTemplate fromModelDirectory(Path directory) throws IOException {
    Path configFile = directory.resolve(CONFIG_FILE);
    JsonNode config = Files.exists(configFile) ? new ObjectMapper().readTree(configFile.toFile()) : null;
    String template = config == null ? null : templateText(config.get("chat_template"));
    Path templateFile = directory.resolve(TEMPLATE_FILE);
    if (template == null && Files.exists(templateFile)) {
      template = Files.readString(templateFile);
    }
    if (template == null) {
      throw new IllegalArgumentException(directory + " has no chat template: expected \"chat_template\" in "
          + CONFIG_FILE + " or a " + TEMPLATE_FILE + " file (base models have none; use an instruct model)");
    }
    return new ChatTemplate(template, config == null ? null : tokenText(config.get("bos_token")),
        config == null ? null : tokenText(config.get("eos_token")));
  }

  /** chat_template is a string, or a list of named templates of which "default" is the one for chat. */
  private static String templateText(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    for (JsonNode named : node) {
      if ("default".equals(named.path("name").asText())) {
        return named.path("template").asText();
      }
    }
    throw new IllegalArgumentException("chat_template lists no template named \"default\"");
  }

  /** Special tokens appear as a string or as an AddedToken object with a content field. */
  private static String tokenText(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.asText() : node.path("content").asText(null);
  }

  /** The prompt text for the conversation, ending with the assistant's opening when addGenerationPrompt. */
  public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
    List<Map<String, Object>> turns = new ArrayList<>();
    for (ChatMessage message : messages) {
      Map<String, Object> turn = new LinkedHashMap<>();
      turn.put("role", message.role());
      turn.put("content", message.content());
      turns.add(turn);
    }
    Map<String, Object> bindings = new HashMap<>();
    bindings.put("messages", turns);
    bindings.put("bos_token", bosToken);
    bindings.put("eos_token", eosToken);
    bindings.put("add_generation_prompt", addGenerationPrompt);
    RenderResult result = jinjava.renderForResult(template, bindings);
    for (TemplateError error : result.getErrors()) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        TemplateFailure refusal = TemplateFailure.findIn(error.getException());
        throw new IllegalArgumentException(refusal != null
            ? "the chat template refused the conversation: " + refusal.getMessage()
            : "chat template failed: " + error.getMessage());
      }
    }
    return result.getOutput();
  }

  public String bosToken() {
    return bosToken;
  }

  public String eosToken() {
    return eosToken;
  }
}
