package io.sluice.models.encoder;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Encoder plus head as one block, the unit DJL's Trainer trains: inputs (input_ids, attention_mask),
 * output logits. Weights are saved per part (encoder names + "classifier.*"), as HF task models lay them out.
 */
public final class TaskBlock extends HfBlock {
  private final TransformerEncoder encoder;
  private final ClassificationHead head;

  public TaskBlock(TransformerEncoder encoder, ClassificationHead head) {
    this.encoder = addChildBlock("encoder", encoder);
    this.head = addChildBlock("head", head);
  }

  public TransformerEncoder encoder() {
    return encoder;
  }

  public ClassificationHead head() {
    return head;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    var hidden = encoder.encode(ps, inputs.get(0), inputs.get(1), null, training);
    return new NDList(head.logits(ps, hidden, inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return head.getOutputShapes(encoder.getOutputShapes(inputShapes));
  }
}
