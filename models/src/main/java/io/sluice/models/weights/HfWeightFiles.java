package io.sluice.models.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds and reads the weights of a Hugging Face model directory: model.safetensors, or shards listed in
 * model.safetensors.index.json. Pickle-based checkpoints are refused: unpickling runs arbitrary code.
 */
public final class HfWeightFiles {
  public static final String SINGLE = "model.safetensors";
  public static final String INDEX = "model.safetensors.index.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HfWeightFiles() {}

  /** The weight files in a fixed order (sorted shard names), which is also the order the digest covers. */
  public static List<Path> list(Path dir) {
    Path single = dir.resolve(SINGLE);
    if (Files.isRegularFile(single)) {
      return List.of(single);
    }
    Path index = dir.resolve(INDEX);
    if (Files.isRegularFile(index)) {
      List<Path> shards = new ArrayList<>();
      for (String shard : new TreeSet<>(readIndex(index).values())) {
        Path p = dir.resolve(shard).normalize();
        if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
          throw new WeightFormatException("shard listed in " + INDEX + " is missing: " + shard);
        }
        shards.add(p);
      }
      return shards;
    }
    if (Files.exists(dir.resolve("pytorch_model.bin")) || Files.exists(dir.resolve("pytorch_model.bin.index.json"))) {
      throw new WeightFormatException("model directory " + dir.getFileName() + " has only pytorch_model.bin: "
          + "pickle checkpoints are refused because loading them can run arbitrary code; convert it to "
          + "safetensors (e.g. with transformers: model.save_pretrained(dir, safe_serialization=True))");
    }
    throw new WeightFormatException("no " + SINGLE + " or " + INDEX + " in model directory " + dir.getFileName());
  }

  public static Map<String, Tensor> read(Path dir) {
    Path index = dir.resolve(INDEX);
    List<Path> files = list(dir);
    Map<String, Tensor> all = new LinkedHashMap<>();
    for (Path f : files) {
      all.putAll(SafetensorsReader.read(f));
    }
    if (!Files.isRegularFile(dir.resolve(SINGLE)) && Files.isRegularFile(index)) {
      for (Map.Entry<String, String> e : readIndex(index).entrySet()) {
        Tensor t = all.get(e.getKey());
        if (t == null && isFloatingTensorExpected(e.getKey())) {
          throw new WeightFormatException("tensor " + e.getKey() + " listed in " + INDEX + " not found in " + e.getValue());
        }
      }
    }
    return all;
  }

  /** Integer buffers (position_ids) are legitimately skipped by the reader. */
  private static boolean isFloatingTensorExpected(String name) {
    return !name.endsWith("position_ids") && !name.endsWith("token_type_ids");
  }

  private static Map<String, String> readIndex(Path index) {
    try {
      JsonNode map = JSON.readTree(index.toFile()).path("weight_map");
      if (!map.isObject() || map.isEmpty()) {
        throw new WeightFormatException(INDEX + " has no weight_map");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().asText());
      }
      return out;
    } catch (IOException e) {
      throw new WeightFormatException("cannot read " + INDEX, e);
    }
  }
}
