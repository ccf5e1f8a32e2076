package io.sluice.models.runtime;

import io.sluice.models.encoder.EncoderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Pretrained encoders shipped on Maven Central inside langchain4j's embedding jars, found on the classpath
 * with no network. The jars hold only the ONNX file and tokenizer.json, so the architecture is stated here
 * (values from each model's config.json on the Hugging Face hub).
 */
public enum EmbeddedModel {
  ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
      new EncoderConfig("bert", 30522, 384, 6, 12, 1536, 512, 2, 1e-12f, "gelu", 0, 0.1f, 0.1f), "mean"),
  BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
      new EncoderConfig("bert", 30522, 384, 12, 12, 1536, 512, 2, 1e-12f, "gelu", 0, 0.1f, 0.1f), "cls");

  private final String id;
  private final String onnxResource;
  private final String tokenizerResource;
  private final EncoderConfig config;
  private final String pooling;

  EmbeddedModel(String id, String onnxResource, String tokenizerResource, EncoderConfig config, String pooling) {
    this.id = id;
    this.onnxResource = onnxResource;
    this.tokenizerResource = tokenizerResource;
    this.config = config;
    this.pooling = pooling;
  }

  public String id() {
    return id;
  }

  public EncoderConfig config() {
    return config;
  }

  /** How the model's authors pool token states into a sentence embedding ("mean" or "cls"). */
  public String pooling() {
    return pooling;
  }

  public static Optional<EmbeddedModel> byId(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  public boolean isPresent() {
    return EmbeddedModel.class.getClassLoader().getResource(onnxResource) != null
        && EmbeddedModel.class.getClassLoader().getResource(tokenizerResource) != null;
  }

  public byte[] onnxBytes() throws IOException {
    return readResource(onnxResource);
  }

  public InputStream openTokenizer() throws IOException {
    return open(tokenizerResource);
  }

  private static byte[] readResource(String name) throws IOException {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = EmbeddedModel.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("embedded model resource " + name + " is not on the classpath");
    }
    return in;
  }
}
