package io.sluice.models.ner;

import io.sluice.models.eval.GoldDocument;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.TokenOutputs;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Training documents after the frozen encoder: each document's tokens (code-point spans) and last hidden
 * states. The encoder pass is most of a training run's cost, so it is done once per document and, given a
 * cache folder, kept on disk under a key made of the encoder's sha256, the windowing and every document's
 * text: a rerun with other head settings skips it, and any change of text or encoder gives a new key.
 */
public final class EncodedCorpus {
  private static final int CHUNK = 32;
  private static final int FORMAT = 1;

  /** One encoded document. */
  public record Document(GoldDocument gold, int[] starts, int[] ends, float[][] states) {
    int size() {
      return starts.length;
    }
  }

  private EncodedCorpus() {}

  /** Encodes {@code docs}, or reads them from {@code cacheDir} (null: no cache) when encoded before. */
  public static List<Document> encode(EncoderModel encoder, NerModelConfig config, List<GoldDocument> docs, Path cacheDir,
      Consumer<String> progress) throws IOException {
    if (cacheDir == null) {
      return encode(encoder, docs, progress);
    }
    Path file = cacheDir.resolve("ner-states-" + key(config, docs) + ".bin");
    if (Files.isRegularFile(file)) {
      progress.accept("encoder states from " + file);
      return read(file, docs);
    }
    List<Document> encoded = encode(encoder, docs, progress);
    Files.createDirectories(cacheDir);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    write(partial, encoded);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    progress.accept("encoder states cached in " + file);
    return encoded;
  }

  private static List<Document> encode(EncoderModel encoder, List<GoldDocument> docs, Consumer<String> progress) {
    List<Document> out = new ArrayList<>(docs.size());
    long tokens = 0;
    for (int from = 0; from < docs.size(); from += CHUNK) {
      List<GoldDocument> chunk = docs.subList(from, Math.min(docs.size(), from + CHUNK));
      List<TokenOutputs> states = encoder.tokenStates(chunk.stream().map(GoldDocument::text).toList());
      for (int d = 0; d < chunk.size(); d++) {
        TokenOutputs s = states.get(d);
        out.add(new Document(chunk.get(d), s.starts(), s.ends(), s.values()));
        tokens += s.size();
      }
      if ((from / CHUNK) % 20 == 0) {
        progress.accept("encoded " + out.size() + "/" + docs.size() + " documents, " + tokens + " tokens");
      }
    }
    return out;
  }

  private static String key(NerModelConfig config, List<GoldDocument> docs) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((FORMAT + "|" + config.encoderSha256() + "|" + config.maxTokens() + "|" + config.windowStride())
          .getBytes(StandardCharsets.UTF_8));
      for (GoldDocument d : docs) {
        sha.update(d.text().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static void write(Path file, List<Document> docs) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
      out.writeInt(docs.size());
      for (Document d : docs) {
        out.writeInt(d.size());
        out.writeInt(d.size() == 0 ? 0 : d.states()[0].length);
        for (int i = 0; i < d.size(); i++) {
          out.writeInt(d.starts()[i]);
          out.writeInt(d.ends()[i]);
          for (float v : d.states()[i]) {
            out.writeFloat(v);
          }
        }
      }
    }
  }

  /** Reads states written for exactly {@code docs} (the key guarantees the texts match). */
  private static List<Document> read(Path file, List<GoldDocument> docs) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      int count = in.readInt();
      if (count != docs.size()) {
        throw new IOException(file + " holds " + count + " documents, expected " + docs.size() + "; delete it");
      }
      List<Document> out = new ArrayList<>(count);
      for (GoldDocument gold : docs) {
        int n = in.readInt();
        int width = in.readInt();
        int[] starts = new int[n];
        int[] ends = new int[n];
        float[][] states = new float[n][width];
        for (int i = 0; i < n; i++) {
          starts[i] = in.readInt();
          ends[i] = in.readInt();
          for (int k = 0; k < width; k++) {
            states[i][k] = in.readFloat();
          }
        }
        out.add(new Document(gold, starts, ends, states));
      }
      return out;
    }
  }
}
