package io.sluice.models.generate.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.bench.RandomDecoders;
import io.sluice.models.generate.DecoderLoader;
import io.sluice.models.generate.DecoderModel;
import io.sluice.models.generate.GenerationRequest;
import io.sluice.models.generate.GenerationResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation through a model directory's own chat template (tokenizer_config.json with a ChatML template like
 * SmolLM2's and Qwen2.5's), its tokenizer and the generator, on a tiny random model.
 */
class ChatGenerationTest {
  @TempDir static Path tmp;
  private static Path directory;
  private static DecoderModel model;

  @BeforeAll
  static void load() throws Exception {
    directory = RandomDecoders.write(tmp.resolve("tiny-instruct"), RandomDecoders.tiny(), 6, 3);
    model = DecoderLoader.load(directory, "cpu");
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void aUserTurnGetsTheDefaultSystemPromptAndTheAssistantOpening() throws Exception {
    List<ChatMessage> conversation = List.of(ChatMessage.user("  Name three rivers.\n"));
    String expected = "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
        + "<|im_start|>user\nName three rivers.<|im_end|>\n<|im_start|>assistant\n";
    ChatTemplate template = ChatTemplate.fromModelDirectory(directory);
    assertEquals(expected, template.render(conversation, true));
    assertEquals("<|im_end|>", template.eosToken());
    assertEquals("", template.bosToken());

    long[] ids = model.encodeChat(conversation);
    assertArrayEquals(model.tokenizer().tokenize(expected).ids(), ids);
    // the markers are the tokenizer's special tokens, one id each, not their characters
    assertEquals(3, occurrences(ids, singleId("<|im_start|>")));
    assertEquals(2, occurrences(ids, singleId("<|im_end|>")));

    GenerationResult result = model.newGenerator(2)
        .generate(List.of(new GenerationRequest("chat", ids, model.defaults(), null))).get(0);
    assertTrue(result.finish() != GenerationResult.FinishReason.ERROR, String.valueOf(result.error()));
    assertEquals(ids.length, result.promptTokens());
    assertTrue(result.generatedTokens() >= 1 && result.generatedTokens() <= 6, "tokens: " + result.generatedTokens());
  }

  @Test
  void aSystemMessageReplacesTheDefaultAndEarlierTurnsStay() throws Exception {
    String rendered = ChatTemplate.fromModelDirectory(directory).render(List.of(ChatMessage.system("Extract fields."),
        ChatMessage.user("U1"), ChatMessage.assistant("{\"a\": 1}"), ChatMessage.user("U2")), false);
    assertEquals("<|im_start|>system\nExtract fields.<|im_end|>\n<|im_start|>user\nU1<|im_end|>\n"
        + "<|im_start|>assistant\n{\"a\": 1}<|im_end|>\n<|im_start|>user\nU2<|im_end|>\n", rendered);
  }

  @Test
  void theTemplatesOwnRefusalsReachTheCaller() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> model.encodeChat(List.of(new ChatMessage("tool", "42"))));
    assertTrue(unknown.getMessage().contains("Unknown role: tool"), unknown.getMessage());
    IllegalArgumentException lateSystem = assertThrows(IllegalArgumentException.class,
        () -> model.encodeChat(List.of(ChatMessage.user("hi"), ChatMessage.system("late"))));
    assertTrue(lateSystem.getMessage().contains("Only the first message may be a system message"),
        lateSystem.getMessage());
  }

  private static long singleId(String special) {
    long[] ids = model.tokenizer().tokenize(special).ids();
    assertEquals(1, ids.length, special + " is not a single token: " + Arrays.toString(ids));
    return ids[0];
  }

  private static long occurrences(long[] ids, long id) {
    return Arrays.stream(ids).filter(i -> i == id).count();
  }
}
