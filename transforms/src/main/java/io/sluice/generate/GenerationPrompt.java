package io.sluice.generate;

import java.io.Serializable;

/**
 * One prompt record: a plain {@code prompt}, or chat {@code messagesJson} (a JSON array of {role, content})
 * rendered with the model's chat template. {@code seed} null means "derive it from the job seed and the id",
 * so every record's output is reproducible either way.
 */
public record GenerationPrompt(String id, String prompt, String messagesJson, Long seed, String source)
    implements Serializable {
  public GenerationPrompt {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a prompt record needs an id");
    }
    if ((prompt == null) == (messagesJson == null)) {
      throw new IllegalArgumentException("prompt record " + id + " needs exactly one of prompt and messages");
    }
  }

  public static GenerationPrompt plain(String id, String prompt) {
    return new GenerationPrompt(id, prompt, null, null, null);
  }

  /** The seed of this record under a job seed: its own if given, else a mix of the job seed and the id. */
  public long seedUnder(long jobSeed) {
    return seed != null ? seed : jobSeed * 0x9E3779B97F4A7C15L + id.hashCode();
  }
}
