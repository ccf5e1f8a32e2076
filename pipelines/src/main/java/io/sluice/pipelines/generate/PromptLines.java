package io.sluice.pipelines.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.generate.GenerateMetrics;
import io.sluice.generate.GenerationPrompt;
import io.sluice.schemas.DeadLetter;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.SluiceMetrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses prompt JSONL lines: {"id": "...", "prompt": "..."} or {"id": "...", "messages": [{"role", "content"}]},
 * with an optional integer "seed". A line that is not such a record becomes a dead letter with the reason.
 */
final class PromptLines extends DoFn<String, GenerationPrompt> {
  static final TupleTag<GenerationPrompt> PROMPTS = new TupleTag<>("prompts") {};
  static final TupleTag<DeadLetter> DEAD = new TupleTag<>("badPrompts") {};
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String source;

  PromptLines(String source) {
    this.source = source;
  }

  @ProcessElement
  public void process(@Element String line, MultiOutputReceiver out) {
    if (line.isBlank()) {
      return;
    }
    String id = null;
    try {
      JsonNode n = JSON.readTree(line);
      id = n.hasNonNull("id") ? n.get("id").asText() : null;
      JsonNode prompt = n.get("prompt");
      JsonNode messages = n.get("messages");
      if (prompt != null && !prompt.isTextual()) {
        throw new IllegalArgumentException("\"prompt\" must be a string");
      }
      if (messages != null && !messages.isArray()) {
        throw new IllegalArgumentException("\"messages\" must be an array of {role, content}");
      }
      Long seed = n.hasNonNull("seed") ? n.get("seed").asLong() : null;
      out.get(PROMPTS).output(new GenerationPrompt(id, prompt == null ? null : prompt.asText(),
          messages == null ? null : messages.toString(), seed, source));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      dead(out, null, "line is not valid JSON", line);
    } catch (IllegalArgumentException e) {
      dead(out, id, e.getMessage(), line);
    }
  }

  private void dead(MultiOutputReceiver out, String id, String reason, String line) {
    SluiceMetrics.countDeadLetter(GenerateMetrics.BAD_PROMPT);
    out.get(DEAD).output(DeadLetters.of(id, source, "read", GenerateMetrics.BAD_PROMPT, reason, line));
  }
}
