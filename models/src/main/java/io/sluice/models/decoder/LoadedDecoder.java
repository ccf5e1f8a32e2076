package io.sluice.models.decoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.sluice.models.encoder.HfParameterNames;
import io.sluice.models.encoder.WeightLoader;
import io.sluice.models.weights.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * A causal LM with weights resident on one device, FP32 on CPU or FP16 on GPU, and the two forward passes of
 * generation: prefill (fresh sequences into cache slots, returning each one's next-token logits) and decode
 * (one token for every slot at its own position). Thread-safe: parameters are only read; each thread uses its
 * own {@link KvCache}, and each call works in a child NDManager closed before returning.
 */
public final class LoadedDecoder implements AutoCloseable {
  private final NDManager manager;
  private final CausalLm model;
  private final DataType dtype;
  private final float[] inverseFrequencies;

  private LoadedDecoder(NDManager manager, CausalLm model, DataType dtype) {
    this.manager = manager;
    this.model = model;
    this.dtype = dtype;
    DecoderConfig c = model.config();
    this.inverseFrequencies = c.rope().inverseFrequencies(c.headDim());
  }

  /** Loads checkpoint weights (HF names); every parameter must be present. */
  public static LoadedDecoder create(DecoderConfig config, Map<String, Tensor> weights, Device device, DataType dtype) {
    return build(config, device, dtype, weights);
  }

  /** Random weights (the initializers of the blocks), for benchmarks of the architecture's speed. */
  public static LoadedDecoder randomWeights(DecoderConfig config, Device device, DataType dtype) {
    return build(config, device, dtype, null);
  }

  private static LoadedDecoder build(DecoderConfig config, Device device, DataType dtype, Map<String, Tensor> weights) {
    NDManager manager = NDManager.newBaseManager(device, "PyTorch");
    try {
      CausalLm model = new CausalLm(config);
      model.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
      if (weights != null) {
        WeightLoader.load(model, weights, name -> false);
      }
      model.freezeParameters(true);
      if (dtype != DataType.FLOAT32) {
        model.cast(dtype);
      }
      return new LoadedDecoder(manager, model, dtype);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  public DecoderConfig config() {
    return model.config();
  }

  /** The weights under their Hugging Face names, in FP32, e.g. to save random weights as a model directory. */
  public Map<String, Tensor> exportWeights() {
    Map<String, Tensor> out = new java.util.LinkedHashMap<>();
    HfParameterNames.of(model).forEach((name, p) -> {
      NDArray a = p.getArray().toType(DataType.FLOAT32, false);
      out.put(name, new Tensor(name, a.getShape().getShape(), a.toFloatArray()));
    });
    return out;
  }

  public KvCache newCache(int slots, int capacity) {
    return new KvCache(manager, config(), slots, Math.min(capacity, config().maxPositions()), dtype);
  }

  /**
   * Puts fresh sequences into cache slots (the slots' previous contents are discarded) and returns each
   * sequence's logits for its next token. Prompts are right-padded: causal attention keeps padding invisible
   * to real tokens, so no padding mask is needed.
   */
  public float[][] prefill(KvCache cache, int[] slots, long[][] prompts) {
    int batch = prompts.length;
    int seq = Arrays.stream(prompts).mapToInt(p -> p.length).max().orElse(0);
    if (batch != slots.length || batch == 0 || Arrays.stream(prompts).anyMatch(p -> p.length == 0)) {
      throw new IllegalArgumentException("prefill needs one non-empty prompt per slot");
    }
    int written = Arrays.stream(prompts).mapToInt(p -> p.length).sum();
    long[] cacheRows = new long[written];
    long[] tokenRows = new long[written];
    long[] lastRows = new long[batch];
    int n = 0;
    for (int b = 0; b < batch; b++) {
      if (prompts[b].length > cache.capacity()) {
        throw new IllegalArgumentException("prompt of " + prompts[b].length + " tokens exceeds the cache capacity "
            + cache.capacity());
      }
      for (int j = 0; j < prompts[b].length; j++) {
        cacheRows[n] = (long) slots[b] * cache.capacity() + j;
        tokenRows[n++] = (long) b * seq + j;
      }
      lastRows[b] = (long) b * seq + prompts[b].length - 1;
    }
    try (NDManager call = manager.newSubManager()) {
      StepPlan plan = new StepPlan(call.create(cacheRows), call.create(tokenRows), 0, causalMask(call, seq));
      float[][] logits = run(call, padded(prompts, seq), startingPositions(batch, seq), plan, cache, lastRows);
      for (int b = 0; b < batch; b++) {
        cache.setLength(slots[b], prompts[b].length);
      }
      return logits;
    }
  }

  /**
   * One token for every slot: {@code tokens[slot]} is appended to an active slot's sequence; inactive slots
   * compute a throw-away row at position 0 (cheaper than gathering the active slots' caches). Returns the
   * next-token logits of every slot.
   */
  public float[][] decode(KvCache cache, long[] tokens, boolean[] active) {
    int slots = cache.slots();
    if (tokens.length != slots || active.length != slots) {
      throw new IllegalArgumentException("decode needs one token per cache slot");
    }
    long[][] positions = new long[slots][1];
    long[] cacheRows = new long[slots];
    for (int b = 0; b < slots; b++) {
      positions[b][0] = active[b] ? cache.length(b) : 0;
      cacheRows[b] = (long) b * cache.capacity() + positions[b][0];
      if (positions[b][0] >= cache.capacity()) {
        throw new IllegalStateException("slot " + b + " is full (" + cache.capacity() + " tokens)");
      }
    }
    int keys = (int) Arrays.stream(positions).mapToLong(p -> p[0]).max().orElse(0) + 1;
    float[] mask = new float[slots * keys];
    for (int b = 0; b < slots; b++) {
      Arrays.fill(mask, b * keys + (int) positions[b][0] + 1, (b + 1) * keys, maskValue());
    }
    long[][] ids = new long[slots][];
    for (int b = 0; b < slots; b++) {
      ids[b] = new long[] {tokens[b]};
    }
    long[] lastRows = new long[slots];
    Arrays.setAll(lastRows, b -> b);
    try (NDManager call = manager.newSubManager()) {
      NDArray maskArray = call.create(mask, new Shape(slots, 1, 1, 1, keys)).toType(dtype, false);
      StepPlan plan = new StepPlan(call.create(cacheRows), null, keys, maskArray);
      float[][] logits = run(call, ids, positions, plan, cache, lastRows);
      for (int b = 0; b < slots; b++) {
        if (active[b]) {
          cache.setLength(b, cache.length(b) + 1);
        }
      }
      return logits;
    }
  }

  /** Logits at every position of one sequence, recomputed from scratch without a cache. */
  public float[][] allLogits(long[] ids) {
    int seq = ids.length;
    long[] rows = new long[seq];
    Arrays.setAll(rows, i -> i);
    try (NDManager call = manager.newSubManager()) {
      StepPlan plan = new StepPlan(null, null, 0, causalMask(call, seq));
      return run(call, new long[][] {ids}, startingPositions(1, seq), plan, null, rows);
    }
  }

  private float[][] run(NDManager call, long[][] ids, long[][] positions, StepPlan plan, KvCache cache,
      long[] outputRows) {
    ParameterStore ps = new ParameterStore(call, false);
    Rotary rotary = new Rotary(call, inverseFrequencies, positions, dtype);
    NDArray hidden = model.hidden(ps, call, call.create(ids), rotary, plan, cache);
    long width = hidden.getShape().get(2);
    NDArray rows = hidden.reshape(-1, width).get(new NDIndex("{}", call.create(outputRows)));
    float[] flat = model.logits(ps, rows).toType(DataType.FLOAT32, false).toFloatArray();
    int vocab = config().vocabSize();
    float[][] out = new float[outputRows.length][];
    for (int r = 0; r < out.length; r++) {
      out[r] = Arrays.copyOfRange(flat, r * vocab, (r + 1) * vocab);
    }
    return out;
  }

  /** [1, 1, 1, seq, seq]: 0 on and below the diagonal, very negative above (future tokens). */
  private NDArray causalMask(NDManager call, int seq) {
    float[] mask = new float[seq * seq];
    for (int i = 0; i < seq; i++) {
      Arrays.fill(mask, i * seq + i + 1, (i + 1) * seq, maskValue());
    }
    return call.create(mask, new Shape(1, 1, 1, seq, seq)).toType(dtype, false);
  }

  /** The dtype's most negative finite value, as transformers uses: -inf would turn an all-masked row into NaN. */
  private float maskValue() {
    return dtype == DataType.FLOAT16 ? -65504f : -Float.MAX_VALUE;
  }

  private static long[][] padded(long[][] prompts, int seq) {
    long[][] out = new long[prompts.length][];
    for (int b = 0; b < prompts.length; b++) {
      out[b] = Arrays.copyOf(prompts[b], seq); // pads with token 0; causal attention never lets a real token see it
    }
    return out;
  }

  private static long[][] startingPositions(int batch, int seq) {
    long[][] positions = new long[batch][seq];
    for (long[] row : positions) {
      Arrays.setAll(row, i -> i);
    }
    return positions;
  }

  @Override
  public void close() {
    manager.close();
  }
}
