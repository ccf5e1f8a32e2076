package io.sluice.models.moderation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.sluice.models.weights.Tensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The multi-label moderation head, "wide and deep": a deep path on the sentence embedding (Linear(hidden) ->
 * ReLU -> Dropout -> Linear(one logit per category)) plus a wide, linear path on the hashed n-gram features
 * ({@link LexicalFeatures}: a weight row per bucket, gathered for the text's non-zero buckets and summed with
 * their values). The lexical path carries what Davidson's labels turn on, specific words and spellings, which a
 * sentence embedding blurs. Sigmoid turns the summed logits into independent per-category probabilities.
 * Inputs: embedding [batch, input], bucket ids [batch, k] (int64) and values [batch, k] (padding: value 0).
 * Saved as hidden.weight/bias, out.weight/bias ([out, in], as DJL and PyTorch keep them) and lexical.weight
 * [buckets, labels]; a head with 0 buckets has no lexical path.
 *
 * <p>A training head may carry a lexical gain per label: that label's lexical logit is its weights' sum times the
 * gain. Under Adam, whose steps do not scale with the gradient, a gain g lets the label's wide path move g times
 * as far per step without touching the other labels' learning (see {@link ModerationHeadTrainer.Settings}). The
 * gain is folded into lexical.weight when saved and divided out when loaded, so saved heads carry none and every
 * head scores the same from the same file.
 */
public final class ModerationHead extends AbstractBlock {
  private final Linear hidden;
  private final Linear out;
  private final Parameter lexical;
  private final float dropout;
  private final int inputSize;
  private final int hiddenSize;
  private final int labels;
  private final int buckets;
  /** Per label, or null for a gain of 1 everywhere (every loaded head). */
  private final float[] lexicalGain;

  public ModerationHead(int inputSize, int hiddenSize, int labels, int buckets, float dropout) {
    this(inputSize, hiddenSize, labels, buckets, dropout, null);
  }

  /** A head whose lexical logits are multiplied per label by {@code lexicalGain} (length {@code labels}). */
  public ModerationHead(int inputSize, int hiddenSize, int labels, int buckets, float dropout, float[] lexicalGain) {
    if (lexicalGain != null && lexicalGain.length != labels) {
      throw new IllegalArgumentException("lexical gain needs one value per label, " + labels);
    }
    this.lexicalGain = lexicalGain == null ? null : lexicalGain.clone();
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.labels = labels;
    this.buckets = buckets;
    this.dropout = dropout;
    this.hidden = addChildBlock("hidden", Linear.builder().setUnits(hiddenSize).build());
    this.out = addChildBlock("out", Linear.builder().setUnits(labels).build());
    this.lexical = buckets == 0 ? null : addParameter(Parameter.builder().setName("lexical")
        .setType(Parameter.Type.WEIGHT).optShape(new Shape(buckets, labels)).optInitializer(Initializer.ZEROS).build());
  }

  /** Input shapes for initialisation: one example with one lexical feature. */
  public Shape[] inputShapes() {
    return new Shape[] {new Shape(1, inputSize), new Shape(1, 1), new Shape(1, 1)};
  }

  public void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, inputShapes());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    hidden.initialize(manager, dataType, inputShapes[0]);
    out.initialize(manager, dataType, new Shape(inputShapes[0].get(0), hiddenSize));
  }

  /** The inputs for a batch of examples, made in {@code manager}. */
  public static NDList inputs(NDManager manager, float[][] embeddings, List<LexicalFeatures.Sparse> lexical) {
    int k = Math.max(1, lexical.stream().mapToInt(s -> s.indices().length).max().orElse(1));
    long[][] ids = new long[embeddings.length][k];
    float[][] values = new float[embeddings.length][k];
    for (int i = 0; i < embeddings.length; i++) {
      LexicalFeatures.Sparse s = lexical.get(i);
      for (int j = 0; j < s.indices().length; j++) {
        ids[i][j] = s.indices()[j];
        values[i][j] = s.values()[j];
      }
    }
    return new NDList(manager.create(embeddings), manager.create(ids), manager.create(values));
  }

  /** Sigmoid probabilities [example][label] for a batch, computed in a sub-manager of {@code manager}. */
  public float[][] probabilities(NDManager manager, float[][] embeddings, List<LexicalFeatures.Sparse> lexical) {
    try (NDManager batch = manager.newSubManager()) {
      NDList inputs = inputs(batch, embeddings, lexical);
      NDArray p = Activation.sigmoid(forward(new ParameterStore(batch, false), inputs, false).singletonOrThrow());
      float[] flat = p.toType(DataType.FLOAT32, false).toFloatArray();
      float[][] out = new float[embeddings.length][labels];
      for (int i = 0; i < out.length; i++) {
        System.arraycopy(flat, i * labels, out[i], 0, labels);
      }
      return out;
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray h = Activation.relu(hidden.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow());
    if (training) {
      h = Dropout.dropout(h, dropout, true).singletonOrThrow();
    }
    NDArray logits = out.forward(ps, new NDList(h), training).singletonOrThrow();
    if (lexical != null) {
      NDArray w = ps.getValue(lexical, logits.getDevice(), training);
      NDArray rows = Embedding.embedding(inputs.get(1), w, SparseFormat.DENSE).singletonOrThrow();
      NDArray wide = rows.mul(inputs.get(2).expandDims(2)).sum(new int[] {1});
      logits = logits.add(lexicalGain == null ? wide : wide.mul(logits.getManager().create(lexicalGain)));
    }
    return new NDList(logits);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), labels)};
  }

  public List<Tensor> toTensors() {
    List<Tensor> tensors = new ArrayList<>(List.of(tensor("hidden.weight", hidden.getParameters().get("weight")),
        tensor("hidden.bias", hidden.getParameters().get("bias")), tensor("out.weight", out.getParameters().get("weight")),
        tensor("out.bias", out.getParameters().get("bias"))));
    if (lexical != null) {
      Tensor raw = tensor("lexical.weight", lexical);
      tensors.add(new Tensor(raw.name(), raw.shape(), scaleColumns(raw.data(), false)));
    }
    return tensors;
  }

  /** Fills an initialized head from saved tensors, checking every shape. */
  public void load(Map<String, Tensor> tensors) {
    set(hidden.getParameters().get("weight"), tensors.get("hidden.weight"), new Shape(hiddenSize, inputSize));
    set(hidden.getParameters().get("bias"), tensors.get("hidden.bias"), new Shape(hiddenSize));
    set(out.getParameters().get("weight"), tensors.get("out.weight"), new Shape(labels, hiddenSize));
    set(out.getParameters().get("bias"), tensors.get("out.bias"), new Shape(labels));
    if (lexical != null) {
      Tensor folded = tensors.get("lexical.weight");
      set(lexical, folded == null ? null : new Tensor(folded.name(), folded.shape(), scaleColumns(folded.data(), true)),
          new Shape(buckets, labels));
    }
  }

  /** lexical.weight [buckets, labels] with each label's column times its gain, or divided by it. */
  private float[] scaleColumns(float[] weights, boolean divide) {
    if (lexicalGain == null) {
      return weights;
    }
    float[] out = weights.clone();
    for (int i = 0; i < out.length; i++) {
      float g = lexicalGain[i % labels];
      out[i] = divide ? out[i] / g : out[i] * g;
    }
    return out;
  }

  private static Tensor tensor(String name, Parameter p) {
    NDArray a = p.getArray();
    return new Tensor(name, a.getShape().getShape(), a.toType(DataType.FLOAT32, false).toFloatArray());
  }

  private static void set(Parameter p, Tensor t, Shape expected) {
    if (t == null || !new Shape(t.shape()).equals(expected)) {
      throw new IllegalArgumentException("moderation head weight " + p.getName() + " missing or not of shape "
          + expected);
    }
    p.getArray().set(FloatBuffer.wrap(t.data()));
  }
}
