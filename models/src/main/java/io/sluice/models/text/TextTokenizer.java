package io.sluice.models.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A Hugging Face tokenizer (tokenizer.json) used without its own truncation or padding: texts are tokenized
 * whole and windowed by {@link Windowing}, so nothing is cut silently. The special tokens that the
 * tokenizer's post-processor puts around a single sequence ([CLS] ... [SEP], &lt;s&gt; ... &lt;/s&gt;) are found once by
 * encoding a probe text with and without them, and added to each window by us.
 */
public final class TextTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final long[] prefix;
  private final long[] suffix;
  private final long padId;
  private final byte[] json;

  private TextTokenizer(HuggingFaceTokenizer tokenizer, long padId, byte[] json) {
    this.tokenizer = tokenizer;
    this.json = json;
    this.padId = padId;
    long[] plain = tokenizer.encode("a", false, false).getIds();
    long[] full = tokenizer.encode("a", true, false).getIds();
    int start = indexOf(full, plain);
    if (start < 0) {
      throw new IllegalStateException("tokenizer post-processor changes content tokens; unsupported template");
    }
    this.prefix = Arrays.copyOfRange(full, 0, start);
    this.suffix = Arrays.copyOfRange(full, start + plain.length, full.length);
  }

  public static TextTokenizer fromFile(Path tokenizerJson, long padId) throws IOException {
    return fromBytes(Files.readAllBytes(tokenizerJson), padId);
  }

  public static TextTokenizer fromStream(InputStream tokenizerJson, long padId) throws IOException {
    return fromBytes(tokenizerJson.readAllBytes(), padId);
  }

  /** The tokenizer.json bytes are kept so a trained model directory can carry its tokenizer along. */
  public static TextTokenizer fromBytes(byte[] tokenizerJson, long padId) throws IOException {
    Map<String, String> options = new HashMap<>();
    // tokenizer.json files often carry truncation/padding settings (MiniLM's truncates at 128): turn them off
    options.put("truncation", "false");
    options.put("padding", "false");
    options.put("addSpecialTokens", "false");
    HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(new java.io.ByteArrayInputStream(tokenizerJson), options);
    return new TextTokenizer(hf, padId, tokenizerJson.clone());
  }

  public TokenizedText tokenize(String text) {
    Encoding enc = tokenizer.encode(text, false, false);
    long[] ids = enc.getIds();
    CharSpan[] spans = enc.getCharTokenSpans();
    int codePoints = text.codePointCount(0, text.length());
    int[] starts = new int[ids.length];
    int[] ends = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      // DJL passes on the Rust tokenizer's char offsets, which count Unicode scalar values: already code
      // points, not UTF-16 units (TokenizerOffsetsTest pins this down with non-BMP text)
      starts[i] = spans[i].getStart();
      ends[i] = spans[i].getEnd();
      if (starts[i] < 0 || ends[i] < starts[i] || ends[i] > codePoints) {
        throw new IllegalStateException("tokenizer returned an offset outside the text at token " + i);
      }
    }
    return new TokenizedText(ids, starts, ends);
  }

  public long[] prefix() {
    return prefix.clone();
  }

  public long[] suffix() {
    return suffix.clone();
  }

  public int specialTokenCount() {
    return prefix.length + suffix.length;
  }

  public byte[] json() {
    return json.clone();
  }

  public long padId() {
    return padId;
  }

  /** The token ids of a text exactly as the tokenizer's own template would give (for reference checks). */
  public long[] encodeWithSpecialTokens(String text) {
    return tokenizer.encode(text, true, false).getIds();
  }

  /** The text of generated token ids; special tokens (end of text, chat markers) are left out. */
  public String decode(long[] ids) {
    return tokenizer.decode(ids, true);
  }

  private static int indexOf(long[] haystack, long[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
