package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A BERT-family encoder as DJL blocks. Inputs: input_ids [batch, seq] int64, attention_mask [batch, seq]
 * (1 = token, 0 = padding) and optionally token_type_ids; output: last_hidden_state [batch, seq, hidden].
 * Parameter paths are Hugging Face's ("embeddings.word_embeddings.weight", "encoder.layer.0...."), so
 * checkpoints load by name (see {@link HfParameterNames}).
 */
public final class TransformerEncoder extends HfBlock {
  private final EncoderConfig config;
  private final BertEmbeddings embeddings;
  private final List<TransformerLayer> layers = new ArrayList<>();

  public TransformerEncoder(EncoderConfig config) {
    this.config = config;
    this.embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
    LayerStack stack = addChildBlock("encoder", new LayerStack());
    LayerList list = stack.addLayerList();
    for (int i = 0; i < config.numLayers(); i++) {
      layers.add(list.add(i, new TransformerLayer(config)));
    }
  }

  public EncoderConfig config() {
    return config;
  }

  /** Layer {@code index} (0-based), e.g. to start a {@link ReplacementLayer} from its weights. */
  TransformerLayer layer(int index) {
    return layers.get(index);
  }

  public NDArray encode(ParameterStore ps, NDArray ids, NDArray attentionMask, NDArray typeIds, boolean training) {
    return encode(ps, ids, attentionMask, typeIds, training, layers.size());
  }

  /**
   * The hidden states after the first {@code layerCount} layers: what a task that brings its own top layers
   * ({@link ReplacementLayer}) runs them on.
   */
  public NDArray encode(ParameterStore ps, NDArray ids, NDArray attentionMask, NDArray typeIds, boolean training,
      int layerCount) {
    if (layerCount < 0 || layerCount > layers.size()) {
      throw new IllegalArgumentException("the encoder has " + layers.size() + " layers, not " + layerCount);
    }
    NDArray x = embeddings.apply(ps, ids, typeIds, training);
    NDArray additiveMask = additiveMaskIfPadded(attentionMask, x.getDataType());
    for (TransformerLayer layer : layers.subList(0, layerCount)) {
      NDArray next = layer.apply(ps, x, additiveMask, training);
      if (!training) {
        x.close(); // free each layer's input as soon as the next exists (see Temporaries)
      }
      x = next;
    }
    if (!training && additiveMask != null) {
      additiveMask.close();
    }
    return x;
  }

  /**
   * 0 where attention is allowed, the dtype's most negative finite value on padding (as HF does); null when
   * nothing is padding: full windows (the common case after length-sorted batching) need no mask at all.
   */
  static NDArray additiveMaskIfPadded(NDArray attentionMask, DataType dtype) {
    return attentionMask.eq(0).any().getBoolean() ? additiveMask(attentionMask, dtype) : null;
  }

  private static NDArray additiveMask(NDArray attentionMask, DataType dtype) {
    float minValue = dtype == DataType.FLOAT16 ? -65504f : -Float.MAX_VALUE;
    Shape s = attentionMask.getShape();
    return attentionMask.toType(dtype, false).neg().add(1f).mul(minValue).reshape(s.get(0), 1, 1, s.get(1));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray typeIds = inputs.size() > 2 ? inputs.get(2) : null;
    return new NDList(encode(ps, inputs.get(0), inputs.get(1), typeIds, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(config.hiddenSize())};
  }

  /** HF name "encoder", holding "layer". */
  private static final class LayerStack extends NamingOnlyBlock {
    LayerList addLayerList() {
      return addChildBlock("layer", new LayerList());
    }
  }

  /** HF name "layer", holding "0", "1", ... */
  private static final class LayerList extends NamingOnlyBlock {
    TransformerLayer add(int index, TransformerLayer layer) {
      return addChildBlock(Integer.toString(index), layer);
    }
  }
}
