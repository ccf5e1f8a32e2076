package io.sluice.models.ner;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The tagging head: per token, [encoder state ; casing features] -> hidden layer (GELU) -> BIO tag logits.
 * A two-layer head rather than a linear one because the casing features must interact with the state
 * (a capital means a name after "Dear", nothing at a line start of an all-caps label).
 */
final class NerHead {
  private NerHead() {}

  static Block newBlock(int hiddenUnits, int tags, float dropout) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(hiddenUnits).build())
        .add(Activation::gelu)
        .add(Dropout.builder().optRate(dropout).build())
        .add(Linear.builder().setUnits(tags).build());
  }

  static Block initialized(NerModelConfig config, NDManager manager, int encoderHidden) {
    Block block = newBlock(config.hiddenUnits(), config.tags().size(), 0.1f);
    block.initialize(manager, DataType.FLOAT32, new Shape(1, encoderHidden + config.featureWidth()));
    return block;
  }

  static Block load(NerModelConfig config, NDManager manager, int encoderHidden, DataInputStream params)
      throws IOException {
    Block block = initialized(config, manager, encoderHidden);
    try {
      block.loadParameters(manager, params);
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException("NER head weights do not match its config", e);
    }
    return block;
  }
}
