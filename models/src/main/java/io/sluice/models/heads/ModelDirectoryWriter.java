package io.sluice.models.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.encoder.HfParameterNames;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.weights.HfWeightFiles;
import io.sluice.models.weights.SafetensorsWriter;
import io.sluice.models.weights.Tensor;
import io.sluice.models.weights.WeightDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a model with a head as an HF-style directory: model.safetensors (encoder under BERT names plus
 * "classifier.*"), config.json (HF keys, id2label, and our head and pooling settings), labels.json,
 * tokenizer.json and MODEL_CARD.md.
 */
final class ModelDirectoryWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final EncoderModel model;

  ModelDirectoryWriter(EncoderModel model) {
    if (model.head() == null) {
      throw new IllegalArgumentException("only models with a head are written as trained directories");
    }
    this.model = model;
  }

  void write(Path dir, ModelCard card) throws IOException {
    Files.createDirectories(dir);
    List<Tensor> tensors = new ArrayList<>();
    collect(model.encoder().block(), tensors);
    collect(model.encoder().head(), tensors);
    Path weights = dir.resolve(HfWeightFiles.SINGLE);
    SafetensorsWriter.write(weights, tensors);

    HeadConfig head = model.head();
    ObjectNode config = model.config().toJson(JSON);
    config.put("sluice_pooling", model.pooling().name().toLowerCase(Locale.ROOT));
    config.set("sluice_head", head.toJson(JSON));
    ObjectNode id2label = config.putObject("id2label");
    ObjectNode label2id = config.putObject("label2id");
    for (int i = 0; i < head.labels().size(); i++) {
      id2label.put(Integer.toString(i), head.labels().get(i));
      label2id.put(head.labels().get(i), i);
    }
    JSON.writeValue(dir.resolve("config.json").toFile(), config);
    JSON.writeValue(dir.resolve("labels.json").toFile(), head.labels());
    Files.write(dir.resolve("tokenizer.json"), model.tokenizer().json());
    Files.writeString(dir.resolve("MODEL_CARD.md"), card.markdown(WeightDigest.sha256(List.of(weights))),
        StandardCharsets.UTF_8);
  }

  private static void collect(Block block, List<Tensor> out) {
    for (Map.Entry<String, Parameter> e : HfParameterNames.of(block).entrySet()) {
      NDArray a = e.getValue().getArray();
      out.add(new Tensor(e.getKey(), a.getShape().getShape(), a.toType(DataType.FLOAT32, false).toFloatArray()));
    }
  }
}
