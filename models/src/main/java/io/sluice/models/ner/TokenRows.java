package io.sluice.models.ner;

import io.sluice.models.runtime.TokenOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * The head's input for a list of texts at prediction: per text, per token, the encoder's states (windows merged)
 * followed by the model's {@link NerModelConfig.Features}, with each token's code-point span. Training lays out
 * its rows the same way: states first, then {@link NerModelConfig.Features#rows} of the text.
 */
final class TokenRows {
  private TokenRows() {}

  /** One text's rows: rows[i] is token i's input, starts/ends its span in code points. */
  record Text(int[] starts, int[] ends, float[][] rows) {
    int size() {
      return starts.length;
    }
  }

  /** The rows of {@code texts} from their per-token states. */
  static List<Text> of(List<String> texts, List<TokenOutputs> states, NerModelConfig.Features features) {
    List<Text> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      TokenOutputs s = states.get(t);
      out.add(of(texts.get(t), s.starts(), s.ends(), s.values(), features));
    }
    return out;
  }

  /**
   * One text's rows from its encoder states; {@code text} gives the casing features, so a case variant of the
   * encoded text (same code points up to case, hence the same states from the uncased encoder) may be passed.
   */
  static Text of(String text, int[] starts, int[] ends, float[][] states, NerModelConfig.Features features) {
    float[][] featureRows = features.rows(text, starts, ends);
    int width = features.width();
    float[][] rows = new float[starts.length][];
    for (int i = 0; i < starts.length; i++) {
      float[] h = states[i];
      float[] row = new float[h.length + width];
      System.arraycopy(h, 0, row, 0, h.length);
      System.arraycopy(featureRows[i], 0, row, h.length, width);
      rows[i] = row;
    }
    return new Text(starts, ends, rows);
  }
}
