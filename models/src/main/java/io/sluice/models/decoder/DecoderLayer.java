package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.sluice.models.encoder.NamingOnlyBlock;

/** One pre-norm block: x + attn(norm(x)), then + mlp(norm(.)). HF "model.layers.N". */
final class DecoderLayer extends NamingOnlyBlock {
  private final RmsNorm inputNorm;
  private final DecoderAttention attention;
  private final RmsNorm postAttentionNorm;
  private final SwiGluMlp mlp;

  DecoderLayer(DecoderConfig c) {
    this.inputNorm = addChildBlock("input_layernorm", new RmsNorm(c.hiddenSize(), c.rmsNormEps()));
    this.attention = addChildBlock("self_attn", new DecoderAttention(c));
    this.postAttentionNorm = addChildBlock("post_attention_layernorm", new RmsNorm(c.hiddenSize(), c.rmsNormEps()));
    this.mlp = addChildBlock("mlp", new SwiGluMlp(c));
  }

  NDArray apply(ParameterStore ps, NDManager scope, NDArray x, Rotary rotary, StepPlan plan, LayerCache cache) {
    NDArray h = x.add(attention.apply(ps, scope, inputNorm.apply(ps, x), rotary, plan, cache));
    return h.addi(mlp.apply(ps, postAttentionNorm.apply(ps, h)));
  }
}
