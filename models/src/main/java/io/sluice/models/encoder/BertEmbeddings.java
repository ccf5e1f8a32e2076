package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Word + position (+ token type) embeddings, then LayerNorm. */
final class BertEmbeddings extends HfBlock {
  private final EncoderConfig config;
  private final HfEmbedding words;
  private final HfEmbedding positions;
  private final HfEmbedding tokenTypes;
  private final HfLayerNorm norm;

  BertEmbeddings(EncoderConfig config) {
    this.config = config;
    this.words = addChildBlock("word_embeddings", new HfEmbedding(config.vocabSize(), config.hiddenSize()));
    this.positions =
        addChildBlock("position_embeddings", new HfEmbedding(config.maxPositions(), config.hiddenSize()));
    this.tokenTypes = config.typeVocabSize() > 0
        ? addChildBlock("token_type_embeddings", new HfEmbedding(config.typeVocabSize(), config.hiddenSize()))
        : null;
    this.norm = addChildBlock("LayerNorm", new HfLayerNorm(config.hiddenSize(), config.layerNormEps()));
  }

  /** ids and typeIds are [batch, seq] int64; typeIds may be null (all zero). */
  NDArray apply(ParameterStore ps, NDArray ids, NDArray typeIds, boolean training) {
    NDManager m = ids.getManager();
    long seq = ids.getShape().get(1);
    try (Temporaries t = new Temporaries(training)) {
      // right padding keeps real tokens at 0..n-1, so one position row per column is exact (padding is masked)
      NDArray positionIds = t.add(m.arange(config.positionOffset(), config.positionOffset() + seq, 1, DataType.INT64));
      NDArray x = t.add(words.apply(ps, ids, training));
      // in place at inference: x is this call's own temporary
      NDArray positioned = t.add(positions.apply(ps, positionIds, training));
      x = training ? x.add(positioned) : x.addi(positioned);
      if (tokenTypes != null) {
        NDArray types = typeIds != null ? typeIds : t.add(m.zeros(ids.getShape(), DataType.INT64));
        NDArray typed = t.add(tokenTypes.apply(ps, types, training));
        x = training ? x.add(typed) : x.addi(typed);
      }
      x = norm.apply(ps, x, training);
      return training ? Dropout.dropout(x, config.hiddenDropout(), true).singletonOrThrow() : x;
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(config.hiddenSize())};
  }
}
