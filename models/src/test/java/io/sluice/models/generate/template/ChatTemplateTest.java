package io.sluice.models.generate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat templates of SmolLM2-135M-Instruct, Qwen2.5-0.5B-Instruct and TinyLlama-1.1B-Chat-v1.0 (their
 * tokenizer_config.json, reduced to the fields read here) render exactly the prompts transformers writes.
 */
class ChatTemplateTest {
  @TempDir
  Path temp;

  private ChatTemplate load(String model) throws IOException {
    Path directory = Files.createDirectories(temp.resolve(model));
    try (InputStream fixture = getClass().getResourceAsStream("/chat-templates/" + model + ".tokenizer_config.json")) {
      Files.copy(fixture, directory.resolve("tokenizer_config.json"));
    }
    return ChatTemplate.fromModelDirectory(directory);
  }

  @Test
  void smolLm2AddsItsDefaultSystemPrompt() throws IOException {
    ChatTemplate template = load("smollm2-135m-instruct");
    assertEquals("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
        + "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n",
        template.render(List.of(ChatMessage.user("Hello")), true));
    assertEquals("<|im_start|>system\nYou are terse.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n",
        template.render(List.of(ChatMessage.system("You are terse."), ChatMessage.user("Hi")), false));
    assertEquals("<|im_end|>", template.eosToken());
  }

  @Test
  void qwen25RendersSystemAndMultipleTurns() throws IOException {
    ChatTemplate template = load("qwen2.5-0.5b-instruct");
    assertEquals("<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n"
        + "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n",
        template.render(List.of(ChatMessage.user("Hello")), true));
    assertEquals("<|im_start|>system\nExtract fields.<|im_end|>\n<|im_start|>user\nU1<|im_end|>\n"
        + "<|im_start|>assistant\n{\"a\": 1}<|im_end|>\n<|im_start|>user\nU2<|im_end|>\n<|im_start|>assistant\n",
        template.render(List.of(ChatMessage.system("Extract fields."), ChatMessage.user("U1"),
            ChatMessage.assistant("{\"a\": 1}"), ChatMessage.user("U2")), true));
    assertEquals("", template.bosToken());
  }

  @Test
  void tinyLlamaTrimsBlocksLikeJinja2() throws IOException {
    ChatTemplate template = load("tinyllama-1.1b-chat-v1.0");
    assertEquals("<|system|>\nYou are a friendly chatbot who always responds in the style of a pirate</s>\n"
        + "<|user|>\nHow many helicopters can a human eat in one sitting?</s>\n<|assistant|>\n",
        template.render(List.of(
            ChatMessage.system("You are a friendly chatbot who always responds in the style of a pirate"),
            ChatMessage.user("How many helicopters can a human eat in one sitting?")), true));
    assertEquals("<s>", template.bosToken());
  }

  @Test
  void pythonIdiomsAndRaiseException() {
    ChatTemplate template = new ChatTemplate("{{ bos_token }}{% for m in messages %}{% if m['role'] == 'system' %}"
        + "{{ raise_exception('System messages are not supported') }}{% endif %}"
        + "{% if loop.first %}[{% endif %}{{ m['content'] | trim }}|{{ m.content.strip() }}{% endfor %}", "<s>", "</s>");
    assertEquals("<s>[a|a", template.render(List.of(ChatMessage.user(" a ")), false));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> template.render(List.of(ChatMessage.system("x")), false));
    assertTrue(refused.getMessage().contains("System messages are not supported"), refused.getMessage());
  }

  @Test
  void aDirectoryWithoutTemplateSaysWhatIsMissing() throws IOException {
    Files.writeString(temp.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> ChatTemplate.fromModelDirectory(temp));
    assertTrue(missing.getMessage().contains("chat_template"), missing.getMessage());
  }
}
