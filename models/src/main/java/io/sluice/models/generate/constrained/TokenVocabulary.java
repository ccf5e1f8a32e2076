package io.sluice.models.generate.constrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What each token id writes, as exact bytes: the alphabet constrained decoding works in. Special and other control
 * tokens have no bytes here (null): a constraint never lets them through except the end tokens it is given.
 * Reads a Hugging Face tokenizer.json of either family: byte-level BPE (GPT-2, Llama 3, Qwen, SmolLM2), where each
 * character of a token maps to one byte, and SentencePiece-style BPE or Unigram (Llama 2, TinyLlama), where '▁' is a
 * space and {@code <0xXX>} tokens are raw bytes.
 */
public final class TokenVocabulary {
  private static final char SENTENCEPIECE_SPACE = '\u2581';

  private final byte[][] tokenBytes;
  private final int maxTokenBytes;

  private TokenVocabulary(byte[][] tokenBytes) {
    this.tokenBytes = tokenBytes;
    int longest = 0;
    for (byte[] bytes : tokenBytes) {
      if (bytes != null) {
        longest = Math.max(longest, bytes.length);
      }
    }
    this.maxTokenBytes = longest;
  }

  /** A vocabulary from token bytes by id (null or empty: never generated). */
  public static TokenVocabulary ofBytes(byte[][] tokenBytes) {
    byte[][] copy = new byte[tokenBytes.length][];
    for (int i = 0; i < tokenBytes.length; i++) {
      copy[i] = tokenBytes[i] == null || tokenBytes[i].length == 0 ? null : tokenBytes[i].clone();
    }
    return new TokenVocabulary(copy);
  }

  public static TokenVocabulary fromTokenizerJson(Path tokenizerJson) throws IOException {
    return fromTokenizerJson(new ObjectMapper().readTree(tokenizerJson.toFile()));
  }

  public static TokenVocabulary fromTokenizerJson(JsonNode root) {
    JsonNode model = root.path("model");
    String type = model.path("type").asText("");
    boolean byteLevel = mentionsByteLevel(root.path("decoder")) || mentionsByteLevel(root.path("pre_tokenizer"));
    Map<Integer, String> pieces = new java.util.HashMap<>();
    if ("BPE".equals(type) || "WordLevel".equals(type)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        pieces.put(entry.getValue().asInt(), entry.getKey());
      }
    } else if ("Unigram".equals(type)) {
      JsonNode vocab = model.path("vocab");
      for (int id = 0; id < vocab.size(); id++) {
        pieces.put(id, vocab.get(id).get(0).asText());
      }
    } else {
      throw new IllegalArgumentException("tokenizer.json model type '" + type
          + "' is not a generative tokenizer; expected BPE (byte-level or SentencePiece-style) or Unigram");
    }
    Set<Integer> special = new HashSet<>();
    Map<Integer, String> added = new java.util.HashMap<>();
    for (JsonNode token : root.path("added_tokens")) {
      int id = token.path("id").asInt();
      if (token.path("special").asBoolean(false)) {
        special.add(id);
      } else {
        added.put(id, token.path("content").asText());
      }
    }
    int size = 0;
    for (int id : pieces.keySet()) {
      size = Math.max(size, id + 1);
    }
    for (int id : special) {
      size = Math.max(size, id + 1);
    }
    for (int id : added.keySet()) {
      size = Math.max(size, id + 1);
    }
    byte[][] bytes = new byte[size][];
    for (Map.Entry<Integer, String> piece : pieces.entrySet()) {
      if (!special.contains(piece.getKey())) {
        bytes[piece.getKey()] = byteLevel ? ByteLevelAlphabet.decode(piece.getValue()) : sentencePieceBytes(piece.getValue());
      }
    }
    // added (non-special) tokens hold raw text in both families: HF matches them before the model runs
    for (Map.Entry<Integer, String> token : added.entrySet()) {
      bytes[token.getKey()] = token.getValue().getBytes(StandardCharsets.UTF_8);
    }
    return ofBytes(bytes);
  }

  private static boolean mentionsByteLevel(JsonNode component) {
    if ("ByteLevel".equals(component.path("type").asText())) {
      return true;
    }
    for (String list : new String[] {"decoders", "pretokenizers"}) {
      for (JsonNode child : component.path(list)) {
        if (mentionsByteLevel(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] sentencePieceBytes(String piece) {
    if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
      try {
        return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
      } catch (NumberFormatException notAByte) {
        // an ordinary piece that happens to look like one: fall through
      }
    }
    return piece.replace(SENTENCEPIECE_SPACE, ' ').getBytes(StandardCharsets.UTF_8);
  }

  /** Number of token ids (the logits may be longer: ids past the end are never allowed). */
  public int size() {
    return tokenBytes.length;
  }

  /** The bytes token id writes, or null when constrained output may never contain it. Do not modify. */
  byte[] bytes(int id) {
    return id < tokenBytes.length ? tokenBytes[id] : null;
  }

  /** A copy of the bytes of token id, or null (special tokens). */
  public byte[] tokenBytes(int id) {
    byte[] bytes = bytes(id);
    return bytes == null ? null : bytes.clone();
  }

  public int maxTokenBytes() {
    return maxTokenBytes;
  }
}
