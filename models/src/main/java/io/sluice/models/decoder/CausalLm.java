package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sluice.models.encoder.HfBlock;
import io.sluice.models.encoder.HfEmbedding;
import io.sluice.models.encoder.NamingOnlyBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A Llama-family causal language model as DJL blocks, with Hugging Face parameter paths
 * ("model.embed_tokens.weight", "model.layers.N.self_attn.q_proj.weight", "model.norm.weight", "lm_head.weight")
 * so checkpoints load by name. With tied embeddings there is no lm_head: the embedding table projects back.
 */
public final class CausalLm extends HfBlock {
  private final DecoderConfig config;
  private final HfEmbedding embedTokens;
  private final List<DecoderLayer> layers = new ArrayList<>();
  private final RmsNorm norm;
  private final DecoderLinear lmHead;

  public CausalLm(DecoderConfig config) {
    this.config = config;
    Body body = addChildBlock("model", new Body());
    this.embedTokens = body.add("embed_tokens", new HfEmbedding(config.vocabSize(), config.hiddenSize()));
    LayerList list = body.add("layers", new LayerList());
    for (int i = 0; i < config.numLayers(); i++) {
      layers.add(list.add(i, new DecoderLayer(config)));
    }
    this.norm = body.add("norm", new RmsNorm(config.hiddenSize(), config.rmsNormEps()));
    this.lmHead = config.tieWordEmbeddings()
        ? null : addChildBlock("lm_head", new DecoderLinear(config.hiddenSize(), config.vocabSize(), false));
  }

  public DecoderConfig config() {
    return config;
  }

  /**
   * Final hidden states [batch, seq, hidden] of ids [batch, seq], owned by {@code call}. Each layer's
   * intermediates live in a scope closed when the layer returns, so a long prefill holds one layer's
   * activations at a time.
   */
  NDArray hidden(ParameterStore ps, NDManager call, NDArray ids, Rotary rotary, StepPlan plan, KvCache cache) {
    NDArray x = embedTokens.apply(ps, ids, false);
    for (int i = 0; i < layers.size(); i++) {
      try (NDManager scope = call.newSubManager()) {
        x.attach(scope);
        NDArray next = layers.get(i).apply(ps, scope, x, rotary, plan, cache == null ? null : cache.layer(i));
        next.attach(call);
        x = next;
      }
    }
    return norm.apply(ps, x);
  }

  /** Logits [..., vocab] of hidden states [..., hidden]. */
  NDArray logits(ParameterStore ps, NDArray hidden) {
    NDArray w = lmHead == null ? embedTokens.table(ps, hidden.getDevice(), false) : null;
    return lmHead == null ? Linear.linear(hidden, w, null).singletonOrThrow() : lmHead.apply(ps, hidden);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException("run the decoder through LoadedDecoder, which manages positions and cache");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(config.vocabSize())};
  }

  /** HF name "model": embed_tokens, layers, norm. */
  private static final class Body extends NamingOnlyBlock {
    <B extends ai.djl.nn.Block> B add(String name, B block) {
      return addChildBlock(name, block);
    }
  }

  /** HF name "layers", holding "0", "1", ... */
  private static final class LayerList extends NamingOnlyBlock {
    DecoderLayer add(int index, DecoderLayer layer) {
      return addChildBlock(Integer.toString(index), layer);
    }
  }
}
