package io.sluice.models.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSONL file line by line (gold files, labelled documents, a sweep's findings): every non-blank line is
 * parsed as JSON and handed on with its line number, so that a reader can name the line a bad record stands on.
 */
public final class JsonlLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Takes one line's JSON; {@code number} counts from 1, blank lines included, as an editor numbers them. */
  @FunctionalInterface
  public interface Handler {
    void line(JsonNode json, int number) throws IOException;
  }

  /** A line that is not JSON. The message names the file and the line, not its content (it may be personal data). */
  public static final class MalformedLineException extends IOException {
    MalformedLineException(Path file, int number, JsonProcessingException cause) {
      super(file + " line " + number + " is not JSON", cause);
    }
  }

  private JsonlLines() {}

  /**
   * Hands each non-blank line of {@code file} to {@code handler}, in order; fails with a
   * {@link MalformedLineException} at the first line that is not JSON. The handler's own exceptions pass through.
   */
  public static void forEach(Path file, Handler handler) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode json;
        try {
          json = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new MalformedLineException(file, number, e);
        }
        handler.line(json, number);
      }
    }
  }
}
