package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/** Multi-head scaled dot-product self-attention (HF "attention.self"). */
final class SelfAttention extends HiddenStatesBlock {
  private final EncoderConfig config;
  private final HfLinear query;
  private final HfLinear key;
  private final HfLinear value;
  private final float scale;
  /**
   * Inference attends a few sequences at a time when the scores of a whole batch exceed 16M floats (64 MB), in
   * chunks of at most 4M floats (16 MB). Measured at batch 32: seq 512 went from 0.58x to 0.75x ONNX Runtime;
   * seq 128 (6M floats) was slower chunked, so it is not.
   */
  private static final long CHUNK_WHEN_ABOVE = 16L << 20;
  private static final long CHUNK_SCORES = 4L << 20;
  private volatile FusedLinear fused;

  SelfAttention(EncoderConfig config) {
    this.config = config;
    int h = config.hiddenSize();
    this.query = addChildBlock("query", new HfLinear(h, h));
    this.key = addChildBlock("key", new HfLinear(h, h));
    this.value = addChildBlock("value", new HfLinear(h, h));
    this.scale = (float) Math.sqrt(config.headSize());
  }

  /**
   * x [batch, seq, hidden]; additiveMask [batch, 1, 1, seq] (0 for tokens, very negative for padding), or null
   * when nothing in the batch is padding.
   */
  NDArray apply(ParameterStore ps, NDArray x, NDArray additiveMask, boolean training) {
    Shape s = x.getShape();
    long batch = s.get(0);
    long seq = s.get(1);
    try (Temporaries t = new Temporaries(training)) {
      NDArray q;
      NDArray k;
      NDArray v;
      if (training) {
        fused = null; // weights are about to change
        // scaling q (seq x head) is cheaper than scaling the scores (seq x seq)
        q = t.add(heads(query.apply(ps, x, training), batch, seq)).mul(1f / scale);
        k = heads(key.apply(ps, x, training), batch, seq);
        v = heads(value.apply(ps, x, training), batch, seq);
      } else {
        // one [3h, h] projection instead of three: fewer, larger matrix products; q comes out pre-scaled
        NDArray qkv = t.add(t.add(fusedProjection(ps, x.getDevice()).apply(x))
            .reshape(batch, seq, 3, config.numHeads(), config.headSize()).transpose(2, 0, 3, 1, 4));
        q = t.add(qkv.get(0));
        k = t.add(qkv.get(1));
        v = t.add(qkv.get(2));
      }
      NDArray context = training || batch * config.numHeads() * seq * seq <= CHUNK_WHEN_ABOVE
          ? attend(t, q, k, v, additiveMask, training)
          : attendInChunks(t, q, k, v, additiveMask, batch, seq);
      return t.add(context.transpose(0, 2, 1, 3)).reshape(batch, seq, config.hiddenSize());
    }
  }

  /**
   * Inference on long sequences: the score tensor (batch x heads x seq x seq, 400 MB at 32 x 512) is
   * memory-bound work done several times over (product, mask, softmax, product). A few sequences at a time
   * keep it in cache; the results are the same, sequence by sequence.
   */
  private NDArray attendInChunks(Temporaries t, NDArray q, NDArray k, NDArray v, NDArray mask, long batch, long seq) {
    long perChunk = Math.max(1, CHUNK_SCORES / (config.numHeads() * seq * seq));
    NDList parts = new NDList();
    for (long from = 0; from < batch; from += perChunk) {
      NDIndex rows = new NDIndex("{}:{}", from, Math.min(batch, from + perChunk));
      parts.add(t.add(attend(t, t.add(q.get(rows)), t.add(k.get(rows)), t.add(v.get(rows)),
          mask == null ? null : t.add(mask.get(rows)), false)));
    }
    return t.add(NDArrays.concat(parts, 0));
  }

  /**
   * softmax(q k^T + mask) v for [b, heads, seq, d] inputs, q already divided by sqrt(d) (at inference the fused
   * projection does it for free).
   */
  private NDArray attend(Temporaries t, NDArray q, NDArray k, NDArray v, NDArray additiveMask, boolean training) {
    NDArray scores = t.add(q.matMul(t.add(k.transpose(0, 1, 3, 2))));
    if (additiveMask != null) {
      // in place at inference: the scores are the largest tensor of the layer (batch x heads x seq x seq)
      scores = training ? scores.add(additiveMask) : scores.addi(additiveMask);
    }
    NDArray probs = t.add(scores.softmax(-1));
    if (training) {
      probs = Dropout.dropout(probs, config.attentionDropout(), true).singletonOrThrow();
    }
    return t.add(probs.matMul(v));
  }

  private FusedLinear fusedProjection(ParameterStore ps, ai.djl.Device device) {
    FusedLinear f = fused;
    if (f == null) {
      synchronized (this) {
        if (fused == null) {
          fused = FusedLinear.concat(ps, device, new HfLinear[] {query, key, value},
              new float[] {1f / scale, 1f, 1f});
        }
        f = fused;
      }
    }
    return f;
  }

  private NDArray heads(NDArray projected, long batch, long seq) {
    return projected.reshape(batch, seq, config.numHeads(), config.headSize()).transpose(0, 2, 1, 3);
  }
}
