package io.sluice.models.moderation;

import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.weights.WeightDigest;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Sentence features of a frozen encoder, computed once per distinct text and appended to a file per encoder,
 * keyed by the text's digest. The head can then be retrained for many epochs, with other seeds or other data
 * mixes, without re-encoding; an interrupted run resumes where it stopped. A torn last record is ignored.
 */
public final class FeatureCache {
  private static final int CHUNK = 256;
  private final Path dir;

  public FeatureCache(Path dir) {
    this.dir = dir;
  }

  /** Features of every text, in order; {@code progress} sees how many are done after each encoded chunk. */
  public float[][] features(EncoderModel encoder, List<String> texts, IntConsumer progress) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("features-" + encoder.id() + ".bin");
    Map<String, float[]> known = readAndDropTornTail(file);
    Map<String, String> missing = new LinkedHashMap<>();
    for (String t : texts) {
      String key = key(t);
      if (!known.containsKey(key)) {
        missing.put(key, t);
      }
    }
    List<Map.Entry<String, String>> todo = new ArrayList<>(missing.entrySet());
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
      for (int start = 0; start < todo.size(); start += CHUNK) {
        List<Map.Entry<String, String>> chunk = todo.subList(start, Math.min(todo.size(), start + CHUNK));
        float[][] f = SentenceFeatures.of(encoder, chunk.stream().map(Map.Entry::getValue).toList());
        for (int i = 0; i < f.length; i++) {
          known.put(chunk.get(i).getKey(), f[i]);
          writeRecord(out, chunk.get(i).getKey(), f[i]);
        }
        out.flush();
        progress.accept(texts.size() - todo.size() + start + chunk.size());
      }
    }
    float[][] result = new float[texts.size()][];
    for (int i = 0; i < result.length; i++) {
      result[i] = known.get(key(texts.get(i)));
    }
    return result;
  }

  private static String key(String text) {
    return WeightDigest.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeRecord(DataOutputStream out, String key, float[] v) throws IOException {
    out.writeUTF(key);
    out.writeInt(v.length);
    for (float x : v) {
      out.writeFloat(x);
    }
  }

  /** Reads every complete record; a record torn by an interrupted run is cut off so appends stay aligned. */
  private static Map<String, float[]> readAndDropTornTail(Path file) throws IOException {
    Map<String, float[]> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    long complete = 0;
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        String key = in.readUTF();
        float[] v = new float[in.readInt()];
        for (int j = 0; j < v.length; j++) {
          v[j] = in.readFloat();
        }
        out.put(key, v);
        complete += 2 + key.length() + 4 + 4L * v.length;
      }
    } catch (EOFException endOrTornRecord) {
      if (complete < Files.size(file)) {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(complete);
        }
      }
      return out;
    }
  }
}
