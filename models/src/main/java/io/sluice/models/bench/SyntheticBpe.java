package io.sluice.models.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A byte-level BPE tokenizer.json of a chosen vocabulary size, in the format of GPT-2, SmolLM2 and Qwen
 * tokenizers: ids 0-255 are the 256 bytes (GPT-2's byte-to-character map), then merges of character pairs and
 * triples over a fixed alphabet, then the special tokens. For models with random weights (tests, benchmarks),
 * where no trained tokenizer can be downloaded: real tokenizer code paths, made-up merges.
 */
public final class SyntheticBpe {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Characters merged, in byte-level form ('Ġ' is the space byte); JSON punctuation included. */
  private static final String ALPHABET = "Ġetaoinsrhldcumfpgwybvkxjqz\"{}:,[]0123456789.-_ETAOINSRHLDCUMFPGWYBVKXJQZ";

  private SyntheticBpe() {}

  /** tokenizer.json bytes for {@code vocabSize} ids, the last {@code specialTokens.size()} being special tokens. */
  public static byte[] tokenizerJson(int vocabSize, List<String> specialTokens) {
    int merged = vocabSize - 256 - specialTokens.size();
    if (merged < 0) {
      throw new IllegalArgumentException("vocabulary of " + vocabSize + " cannot hold 256 bytes and the special tokens");
    }
    Map<String, Integer> vocab = new LinkedHashMap<>();
    for (int b = 0; b < 256; b++) {
      vocab.put(byteChar(b), b);
    }
    List<String> merges = merges(merged);
    for (String m : merges) {
      vocab.put(m.replace(" ", ""), vocab.size());
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (String special : specialTokens) {
      ObjectNode t = added.addObject();
      t.put("id", vocab.size());
      t.put("content", special);
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
      vocab.put(special, vocab.size());
    }
    root.putNull("normalizer");
    root.set("pre_tokenizer", byteLevel(false));
    root.set("post_processor", byteLevel(true));
    root.set("decoder", byteLevel(true));
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    ObjectNode v = model.putObject("vocab");
    vocab.forEach(v::put);
    ArrayNode m = model.putArray("merges");
    merges.forEach(m::add);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pairs of alphabet characters first, then pairs extended by one more character. */
  private static List<String> merges(int count) {
    List<String> out = new ArrayList<>(count);
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < ALPHABET.length() && out.size() < count; i++) {
      for (int j = 0; j < ALPHABET.length() && out.size() < count; j++) {
        String a = ALPHABET.substring(i, i + 1);
        String b = ALPHABET.substring(j, j + 1);
        out.add(a + " " + b);
        pairs.add(a + b);
      }
    }
    for (int i = 0; i < pairs.size() && out.size() < count; i++) {
      for (int j = 0; j < ALPHABET.length() && out.size() < count; j++) {
        out.add(pairs.get(i) + " " + ALPHABET.charAt(j));
      }
    }
    if (out.size() < count) {
      throw new IllegalArgumentException("synthetic tokenizers stop at " + (256 + out.size()) + " merged tokens");
    }
    return out;
  }

  private static ObjectNode byteLevel(boolean addPrefixSpace) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "ByteLevel");
    n.put("add_prefix_space", addPrefixSpace);
    n.put("trim_offsets", false);
    n.put("use_regex", true);
    return n;
  }

  /** GPT-2's reversible map from bytes to printable characters. */
  static String byteChar(int b) {
    boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    if (printable) {
      return String.valueOf((char) b);
    }
    int shifted = 0;
    for (int x = 0; x < b; x++) {
      boolean p = (x >= '!' && x <= '~') || (x >= 0xA1 && x <= 0xAC) || (x >= 0xAE && x <= 0xFF);
      if (!p) {
        shifted++;
      }
    }
    return String.valueOf((char) (256 + shifted));
  }
}
