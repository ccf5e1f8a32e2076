package io.sluice.models.heads;

import ai.djl.training.ParameterStore;
import io.sluice.models.ModelSpec.Task;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.TokenOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Token classification (NER) over texts of any length: per-token label probabilities merged across windows,
 * then BIO/IOB2 tags ("B-PERSON", "I-PERSON", "O", or plain labels) decoded into entity spans in code points.
 * Thread-safe.
 */
public final class TokenClassifier implements AutoCloseable {
  private final EncoderModel model;
  private final List<String> labels;
  private final SpanDecoder decoder;

  public TokenClassifier(EncoderModel model) {
    if (model.head() == null || model.head().task() != Task.TOKEN_CLASSIFICATION) {
      throw new IllegalArgumentException("model " + model.id() + " has no token classification head");
    }
    this.model = model;
    this.labels = model.head().labels();
    this.decoder = new SpanDecoder(labels);
  }

  public List<String> labels() {
    return labels;
  }

  public EncoderModel model() {
    return model;
  }

  /** Per text, entity spans (label without B-/I- prefix; "O" tokens dropped), in text order. */
  public List<List<LabeledSpan>> predict(List<String> texts) {
    List<List<LabeledSpan>> out = new ArrayList<>();
    for (TokenOutputs t : tokenProbabilities(texts)) {
      out.add(decoder.decode(t));
    }
    return out;
  }

  /** Per text, per token: softmax probabilities over {@link #labels()} and the token's code-point span. */
  public List<TokenOutputs> tokenProbabilities(List<String> texts) {
    return model.perToken(texts, (hidden, mask) -> model.encoder().head()
        .logits(new ParameterStore(hidden.getManager(), false), hidden, mask, false).softmax(-1));
  }

  @Override
  public void close() {
    model.close();
  }
}
