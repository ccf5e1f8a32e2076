package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.sluice.models.encoder.NamingOnlyBlock;

/**
 * HF "self_attn": causal grouped-query attention with rotary positions. Query heads are grouped by the
 * key/value head they share ([batch, kvHeads, groups * seq, headDim]), so keys and values are never copied
 * per query head.
 */
final class DecoderAttention extends NamingOnlyBlock {
  private final DecoderConfig c;
  private final DecoderLinear q;
  private final DecoderLinear k;
  private final DecoderLinear v;
  private final DecoderLinear o;
  private final RmsNorm qNorm;
  private final RmsNorm kNorm;
  private final float scale;

  DecoderAttention(DecoderConfig c) {
    this.c = c;
    int h = c.hiddenSize();
    this.q = addChildBlock("q_proj", new DecoderLinear(h, (long) c.numHeads() * c.headDim(), c.qkvBias()));
    this.k = addChildBlock("k_proj", new DecoderLinear(h, (long) c.numKvHeads() * c.headDim(), c.qkvBias()));
    this.v = addChildBlock("v_proj", new DecoderLinear(h, (long) c.numKvHeads() * c.headDim(), c.qkvBias()));
    this.o = addChildBlock("o_proj", new DecoderLinear((long) c.numHeads() * c.headDim(), h, c.outputBias()));
    this.qNorm = c.qkNorm() ? addChildBlock("q_norm", new RmsNorm(c.headDim(), c.rmsNormEps())) : null;
    this.kNorm = c.qkNorm() ? addChildBlock("k_norm", new RmsNorm(c.headDim(), c.rmsNormEps())) : null;
    this.scale = (float) (1.0 / Math.sqrt(c.headDim()));
  }

  /** x [batch, seq, hidden]; cache null when nothing is cached (a plain full forward). */
  NDArray apply(ParameterStore ps, NDManager scope, NDArray x, Rotary rotary, StepPlan plan, LayerCache cache) {
    Shape s = x.getShape();
    long batch = s.get(0);
    long seq = s.get(1);
    int kvHeads = c.numKvHeads();
    int groups = c.groups();
    int d = c.headDim();
    NDArray query = q.apply(ps, x).reshape(batch, seq, c.numHeads(), d);
    NDArray key = k.apply(ps, x).reshape(batch, seq, kvHeads, d);
    NDArray value = v.apply(ps, x).reshape(batch, seq, kvHeads, d);
    if (qNorm != null) {
      query = qNorm.apply(ps, query);
      key = kNorm.apply(ps, key);
    }
    query = rotary.apply(query);
    key = rotary.apply(key);
    if (cache != null && plan.cacheRows() != null) {
      cache.write(plan, key, value);
    }
    NDArray keys;
    NDArray values;
    if (plan.readsCache()) {
      keys = cache.keys(scope, plan.readLength());
      values = cache.values(scope, plan.readLength());
    } else {
      keys = key.transpose(0, 2, 1, 3);
      values = value.transpose(0, 2, 1, 3);
    }
    long keyCount = keys.getShape().get(2);
    NDArray grouped = query.reshape(batch, seq, kvHeads, groups, d).transpose(0, 2, 3, 1, 4)
        .reshape(batch, kvHeads, groups * seq, d).mul(scale);
    NDArray scores = grouped.matMul(keys.transpose(0, 1, 3, 2))
        .reshape(batch, kvHeads, groups, seq, keyCount).addi(plan.mask());
    NDArray probs = softmax(scores).reshape(batch, kvHeads, groups * seq, keyCount);
    NDArray context = probs.matMul(values).reshape(batch, kvHeads, groups, seq, d).transpose(0, 3, 1, 2, 4)
        .reshape(batch, seq, (long) c.numHeads() * d);
    return o.apply(ps, context);
  }

  /** In FP32 like transformers: FP16 exponentials of large scores overflow. */
  private static NDArray softmax(NDArray scores) {
    DataType dtype = scores.getDataType();
    if (dtype == DataType.FLOAT32) {
      return scores.softmax(-1);
    }
    return scores.toType(DataType.FLOAT32, false).softmax(-1).toType(dtype, false);
  }
}
