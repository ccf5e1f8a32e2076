package io.sluice.models.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words ignored at token level where gold and prediction disagree (presidio-research's skip words: stop
 * words and punctuation, which annotators include in or leave out of spans inconsistently). Case-insensitive.
 */
public final class SkipWords {
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private final Set<String> words;

  private SkipWords(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  public static SkipWords none() {
    return new SkipWords(Set.of());
  }

  /** The given words plus ASCII punctuation (as presidio-research adds string.punctuation). */
  public static SkipWords of(Set<String> words) {
    Set<String> all = new HashSet<>();
    words.forEach(w -> all.add(w.toLowerCase(Locale.ROOT)));
    PUNCTUATION.chars().forEach(c -> all.add(String.valueOf((char) c)));
    return new SkipWords(all);
  }

  /** Reads a JSON file: every string in every array field (e.g. skip_words_en.json's two lists). */
  public static SkipWords read(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    Set<String> words = new HashSet<>();
    if (root.isArray()) {
      root.forEach(n -> words.add(n.asText()));
    } else {
      root.fields().forEachRemaining(e -> {
        if (e.getValue().isArray()) {
          e.getValue().forEach(n -> words.add(n.asText()));
        }
      });
    }
    if (words.isEmpty()) {
      throw new IOException("skip-word file has no word lists");
    }
    return of(words);
  }

  public boolean contains(String token) {
    return words.contains(token.toLowerCase(Locale.ROOT));
  }

  public int size() {
    return words.size();
  }
}
