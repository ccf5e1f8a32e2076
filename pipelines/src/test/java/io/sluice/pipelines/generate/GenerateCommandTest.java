package io.sluice.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.bench.RandomDecoders;
import io.sluice.models.text.TextTokenizer;
import io.sluice.pipelines.cli.SluiceCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice generate} end to end on a random two-layer model: outputs, dead letters, reconciliation, and chat
 * records rendered with the directory's chat template.
 */
class GenerateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void generatesEveryPromptAndDeadLettersBadLines() throws Exception {
    Path model = RandomDecoders.write(tmp.resolve("model"), RandomDecoders.tiny(), 4, 2);
    Path prompts = tmp.resolve("prompts.jsonl");
    Files.writeString(prompts, String.join("\n",
        "{\"id\": \"a\", \"prompt\": \"Write a haiku about rivers.\"}",
        "{\"id\": \"b\", \"prompt\": \"List three colours.\", \"seed\": 5}",
        "not json at all",
        "{\"id\": \"c\", \"prompt\": 42}",
        "{\"id\": \"d\", \"prompt\": \"One more.\"}") + "\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = SluiceCli.commandLine(options -> null, out).execute("generate", "--model", model.toString(),
        "--prompts", prompts.toString(), "--output", tmp.resolve("out").toString(), "--temperature", "0.8",
        "--top-k", "20", "--seed", "3", "--batch-size", "2");
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, printed);
    assertTrue(printed.contains("records in 5 = generations 3 + dead letters 2"), printed);
    List<JsonNode> generations = lines(tmp.resolve("out").resolve("generations"));
    assertEquals(3, generations.size());
    for (JsonNode g : generations) {
      assertTrue(g.get("generated_tokens").asInt() <= 4, g.toString());
      if (g.get("id").asText().equals("b")) {
        assertEquals(5, g.get("seed").asLong());
      }
    }
    List<JsonNode> dead = lines(tmp.resolve("out").resolve("dead_letter"));
    assertEquals(2, dead.size());
    assertTrue(dead.stream().allMatch(d -> d.toString().contains("BAD_PROMPT")), dead.toString());
  }

  @Test
  void chatRecordsRenderWithTheModelsTemplate() throws Exception {
    Path model = RandomDecoders.write(tmp.resolve("model"), RandomDecoders.tiny(), 4, 2);
    Path prompts = tmp.resolve("chat.jsonl");
    Files.writeString(prompts, String.join("\n",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"system\", \"content\": \"Answer briefly.\"},"
            + " {\"role\": \"user\", \"content\": \"Name a river.\"}]}",
        "{\"id\": \"c2\", \"messages\": [{\"role\": \"tool\", \"content\": \"42\"}]}") + "\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = SluiceCli.commandLine(options -> null, out).execute("generate", "--model", model.toString(),
        "--prompts", prompts.toString(), "--output", tmp.resolve("chat-out").toString());
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, printed);
    assertTrue(printed.contains("records in 2 = generations 1 + dead letters 1"), printed);
    List<JsonNode> generations = lines(tmp.resolve("chat-out").resolve("generations"));
    assertEquals(1, generations.size());
    String rendered = "<|im_start|>system\nAnswer briefly.<|im_end|>\n<|im_start|>user\nName a river.<|im_end|>\n"
        + "<|im_start|>assistant\n";
    try (TextTokenizer tokenizer = TextTokenizer.fromFile(model.resolve("tokenizer.json"), 0)) {
      assertEquals(tokenizer.tokenize(rendered).ids().length, generations.get(0).get("prompt_tokens").asInt());
    }
    List<JsonNode> dead = lines(tmp.resolve("chat-out").resolve("dead_letter"));
    assertEquals(1, dead.size());
    assertTrue(dead.get(0).toString().contains("Unknown role: tool"), dead.toString());
  }

  private static List<JsonNode> lines(Path folder) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part")).toList()) {
        for (String line : Files.readAllLines(f)) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }
}
