package io.sluice.models.generate.constrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Token bytes from tokenizer.json files of both families, and constrained decoding over each. */
class TokenVocabularyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A GPT-2/SmolLM2-style tokenizer.json: byte-level pieces, special tokens added. */
  static JsonNode byteLevelTokenizer(String... pieces) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    ObjectNode vocab = model.putObject("vocab");
    vocab.put("<|endoftext|>", 0);
    vocab.put("<|im_end|>", 1);
    for (int i = 0; i < pieces.length; i++) {
      vocab.put(pieces[i], i + 2);
    }
    ArrayNode added = root.putArray("added_tokens");
    added.addObject().put("id", 0).put("content", "<|endoftext|>").put("special", true);
    added.addObject().put("id", 1).put("content", "<|im_end|>").put("special", true);
    root.putObject("pre_tokenizer").put("type", "ByteLevel");
    root.putObject("decoder").put("type", "ByteLevel");
    return root;
  }

  /** A Llama-2/TinyLlama-style tokenizer.json: '▁' for spaces, byte-fallback pieces for all 256 bytes. */
  static JsonNode sentencePieceTokenizer(String... pieces) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.put("byte_fallback", true);
    ObjectNode vocab = model.putObject("vocab");
    vocab.put("<unk>", 0);
    vocab.put("<s>", 1);
    vocab.put("</s>", 2);
    for (int b = 0; b < 256; b++) {
      vocab.put(String.format("<0x%02X>", b), 3 + b);
    }
    for (int i = 0; i < pieces.length; i++) {
      vocab.put(pieces[i], 259 + i);
    }
    ArrayNode added = root.putArray("added_tokens");
    for (int id = 0; id < 3; id++) {
      added.addObject().put("id", id).put("content", id == 0 ? "<unk>" : id == 1 ? "<s>" : "</s>").put("special", true);
    }
    ObjectNode decoder = root.putObject("decoder");
    decoder.put("type", "Sequence");
    ArrayNode steps = decoder.putArray("decoders");
    steps.addObject().put("type", "Replace").put("content", " ").putObject("pattern").put("String", "\u2581");
    steps.addObject().put("type", "ByteFallback");
    steps.addObject().put("type", "Fuse");
    return root;
  }

  @Test
  void byteLevelPiecesMapThroughTheByteTable() {
    TokenVocabulary vocabulary = TokenVocabulary.fromTokenizerJson(byteLevelTokenizer("Ġ{", "Ċ", "hello", "Ã©", "\":"));
    assertEquals(7, vocabulary.size());
    assertNull(vocabulary.tokenBytes(0), "special tokens are never generated under a constraint");
    assertNull(vocabulary.tokenBytes(1));
    assertArrayEquals(utf8(" {"), vocabulary.tokenBytes(2));
    assertArrayEquals(utf8("\n"), vocabulary.tokenBytes(3));
    assertArrayEquals(utf8("hello"), vocabulary.tokenBytes(4));
    assertArrayEquals(utf8("é"), vocabulary.tokenBytes(5));
    assertArrayEquals(utf8("\":"), vocabulary.tokenBytes(6));
    for (int b = 0; b < 256; b++) {
      assertArrayEquals(new byte[] {(byte) b}, ByteLevelAlphabet.decode(String.valueOf(ByteLevelAlphabet.encode(b))));
    }
  }

  @Test
  void sentencePiecePiecesUseSpacesAndByteFallback() {
    TokenVocabulary vocabulary = TokenVocabulary.fromTokenizerJson(sentencePieceTokenizer("▁the", "{", "▁\"", "é"));
    assertNull(vocabulary.tokenBytes(1));
    assertArrayEquals(new byte[] {'\n'}, vocabulary.tokenBytes(3 + 0x0A));
    assertArrayEquals(new byte[] {(byte) 0xC3}, vocabulary.tokenBytes(3 + 0xC3));
    assertArrayEquals(utf8(" the"), vocabulary.tokenBytes(259));
    assertArrayEquals(utf8("{"), vocabulary.tokenBytes(260));
    assertArrayEquals(utf8(" \""), vocabulary.tokenBytes(261));
    assertArrayEquals(utf8("é"), vocabulary.tokenBytes(262));
  }

  @Test
  void addedTextTokensUnigramAndWordPiece() {
    ObjectNode withAdded = (ObjectNode) byteLevelTokenizer("a");
    withAdded.withArray("added_tokens").addObject().put("id", 3).put("content", " <tool>").put("special", false);
    assertArrayEquals(utf8(" <tool>"), TokenVocabulary.fromTokenizerJson(withAdded).tokenBytes(3));

    ObjectNode unigram = MAPPER.createObjectNode();
    unigram.putObject("model").put("type", "Unigram").putArray("vocab").add(MAPPER.createArrayNode().add("<unk>").add(0))
        .add(MAPPER.createArrayNode().add("▁x").add(-1.5));
    unigram.putArray("added_tokens").addObject().put("id", 0).put("content", "<unk>").put("special", true);
    assertArrayEquals(utf8(" x"), TokenVocabulary.fromTokenizerJson(unigram).tokenBytes(1));

    ObjectNode wordPiece = MAPPER.createObjectNode();
    wordPiece.putObject("model").put("type", "WordPiece");
    assertThrows(IllegalArgumentException.class, () -> TokenVocabulary.fromTokenizerJson(wordPiece));
  }

  @Test
  void constrainedDecodingWorksOverBothFamilies() throws Exception {
    String[] byteLevelPieces = new String[256 + 6];
    for (int b = 0; b < 256; b++) {
      byteLevelPieces[b] = String.valueOf(ByteLevelAlphabet.encode(b));
    }
    String[] merges = {"{\"", "\":", "\",", "Ġ\"", "ĠÃ©t", "12"};
    System.arraycopy(merges, 0, byteLevelPieces, 256, merges.length);
    TokenVocabulary byteLevel = TokenVocabulary.fromTokenizerJson(byteLevelTokenizer(byteLevelPieces));
    TokenVocabulary sentencePiece = TokenVocabulary.fromTokenizerJson(
        sentencePieceTokenizer("{\"", "\":", "▁\"", "▁été", "12", "▁true", "\"}"));
    var validator = ConstrainedGenerationTest.validator(ConstrainedGenerationTest.NESTED_SCHEMA);
    for (Object[] family : new Object[][] {{byteLevel, 0}, {sentencePiece, 2}}) {
      TokenVocabulary vocabulary = (TokenVocabulary) family[0];
      int end = (Integer) family[1];
      JsonSchemaConstraints constraints =
          JsonSchemaConstraints.compile(ConstrainedGenerationTest.NESTED_SCHEMA, vocabulary, end);
      RandomLogitsDecoder decoder = new RandomLogitsDecoder(vocabulary, vocabulary.size(), end);
      Random random = new Random(11);
      for (int run = 0; run < 30; run++) {
        RandomLogitsDecoder.Output output = decoder.decode(constraints.newConstraint(400), random, 400);
        assertTrue(output.complete(), output.text());
        assertEquals(java.util.Set.of(), validator.validate(MAPPER.readTree(output.text())), output.text());
      }
    }
  }
}
