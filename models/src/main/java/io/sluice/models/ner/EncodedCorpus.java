package io.sluice.models.ner;

import io.sluice.models.eval.GoldDocument;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.TokenOutputs;
import io.sluice.models.runtime.WindowStates;
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

  /** One document as the inputs of the encoder's last layer, window by window (see {@link NerTopLayer}). */
  public record Windows(GoldDocument gold, WindowStates states) {}

  private EncodedCorpus() {}

  /** Encodes {@code docs}, or reads them from {@code cacheDir} (null: no cache) when encoded before. */
  public static List<Document> encode(EncoderModel encoder, NerModelConfig config, List<GoldDocument> docs, Path cacheDir,
      Consumer<String> progress) throws IOException {
    if (cacheDir == null) {
      return encode(encoder, docs, progress);
    }
    Path file = cacheDir.resolve("ner-states-" + key(config, docs, "") + ".bin");
    if (Files.isRegularFile(file)) {
      progress.accept("encoder states from " + file);
      return read(file, docs);
    }
    List<Document> encoded = encode(encoder, docs, progress);
    store(file, out -> write(out, encoded));
    progress.accept("encoder states cached in " + file);
    return encoded;
  }

  /**
   * The inputs of the encoder's last layer for {@code docs}, per window with the special tokens (the layer attends
   * to them), or read from {@code cacheDir} (null: no cache) when encoded before.
   */
  public static List<Windows> encodeWindows(EncoderModel encoder, NerModelConfig config, List<GoldDocument> docs,
      Path cacheDir, Consumer<String> progress) throws IOException {
    int layers = encoder.config().numLayers() - 1;
    Path file = cacheDir == null ? null
        : cacheDir.resolve("ner-window-states-" + key(config, docs, "|layers " + layers) + ".bin");
    if (file != null && Files.isRegularFile(file)) {
      progress.accept("window states from " + file);
      return readWindows(file, docs);
    }
    List<Windows> out = new ArrayList<>(docs.size());
    for (int from = 0; from < docs.size(); from += CHUNK) {
      List<GoldDocument> chunk = docs.subList(from, Math.min(docs.size(), from + CHUNK));
      List<WindowStates> states = encoder.windowStates(chunk.stream().map(GoldDocument::text).toList(), layers);
      for (int d = 0; d < chunk.size(); d++) {
        out.add(new Windows(chunk.get(d), states.get(d)));
      }
      if ((from / CHUNK) % 20 == 0) {
        progress.accept("window states of " + out.size() + "/" + docs.size() + " documents");
      }
    }
    if (file != null) {
      store(file, f -> writeWindows(f, out));
      progress.accept("window states cached in " + file);
    }
    return out;
  }

  private interface Writer {
    void write(Path file) throws IOException;
  }

  /** Writes a cache file under a temporary name first, so an interrupted run leaves no partial file behind. */
  private static void store(Path file, Writer writer) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    writer.write(partial);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

  /** {@code kind} tells what of the encoder is stored ("" for the last hidden states, the format's first kind). */
  private static String key(NerModelConfig config, List<GoldDocument> docs, String kind) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((FORMAT + "|" + config.encoderSha256() + "|" + config.maxTokens() + "|" + config.windowStride()
          + kind).getBytes(StandardCharsets.UTF_8));
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

  private static void writeWindows(Path file, List<Windows> docs) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
      out.writeInt(docs.size());
      for (Windows d : docs) {
        WindowStates s = d.states();
        writeInts(out, s.starts());
        writeInts(out, s.ends());
        out.writeInt(s.prefix());
        out.writeInt(s.windows().size());
        for (WindowStates.Rows w : s.windows()) {
          out.writeInt(w.start());
          out.writeInt(w.end());
          out.writeInt(w.values().length);
          out.writeInt(w.values()[0].length);
          for (float[] row : w.values()) {
            for (float v : row) {
              out.writeFloat(v);
            }
          }
        }
      }
    }
  }

  private static List<Windows> readWindows(Path file, List<GoldDocument> docs) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (in.readInt() != docs.size()) {
        throw new IOException(file + " was written for other documents; delete it");
      }
      List<Windows> out = new ArrayList<>(docs.size());
      for (GoldDocument gold : docs) {
        int[] starts = readInts(in);
        int[] ends = readInts(in);
        int prefix = in.readInt();
        int count = in.readInt();
        List<WindowStates.Rows> windows = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
          int start = in.readInt();
          int end = in.readInt();
          float[][] values = new float[in.readInt()][in.readInt()];
          for (float[] row : values) {
            for (int k = 0; k < row.length; k++) {
              row[k] = in.readFloat();
            }
          }
          windows.add(new WindowStates.Rows(start, end, values));
        }
        out.add(new Windows(gold, new WindowStates(starts, ends, prefix, windows)));
      }
      return out;
    }
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] values = new int[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }
}
