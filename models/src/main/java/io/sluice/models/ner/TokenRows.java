package io.sluice.models.ner;

import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.TokenOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * The head's input for a list of texts: per text, per token, the encoder's last hidden state (windows merged)
 * followed by {@link TokenFeatures}, with each token's code-point span. Used alike by training (once, cached)
 * and prediction, so both see exactly the same rows.
 */
final class TokenRows {
  private TokenRows() {}

  /** One text's rows: rows[i] is token i's input, starts/ends its span in code points. */
  record Text(int[] starts, int[] ends, float[][] rows) {
    int size() {
      return starts.length;
    }
  }

  static List<Text> of(EncoderModel encoder, List<String> texts) {
    List<TokenOutputs> states = encoder.tokenStates(texts);
    List<Text> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      TokenOutputs s = states.get(t);
      float[][] features = TokenFeatures.rows(texts.get(t), s.starts(), s.ends());
      float[][] rows = new float[s.size()][];
      for (int i = 0; i < s.size(); i++) {
        float[] h = s.values()[i];
        float[] row = new float[h.length + TokenFeatures.WIDTH];
        System.arraycopy(h, 0, row, 0, h.length);
        System.arraycopy(features[i], 0, row, h.length, TokenFeatures.WIDTH);
        rows[i] = row;
      }
      out.add(new Text(s.starts(), s.ends(), rows));
    }
    return out;
  }
}
