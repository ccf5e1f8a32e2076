package io.sluice.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.generate.template.ChatMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a record's "messages" JSON array ([{"role": ..., "content": ...}, ...]) into chat messages. */
final class ChatMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatMessages() {}

  static List<ChatMessage> parse(String messagesJson) {
    JsonNode array;
    try {
      array = JSON.readTree(messagesJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("messages are not valid JSON");
    }
    List<ChatMessage> out = new ArrayList<>();
    for (JsonNode m : array) {
      if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
        throw new IllegalArgumentException("every message needs a string role and content");
      }
      out.add(new ChatMessage(m.get("role").asText(), m.get("content").asText()));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("messages is empty");
    }
    return out;
  }
}
