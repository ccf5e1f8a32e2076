package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.models.heads.LabeledSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordSpanDecoderTest {
  private final WordSpanDecoder decoder = new WordSpanDecoder(NerLabels.ENTITIES);

  /** A probability row with mass p on one tag and the rest on O. */
  private static float[] row(int tag, float p) {
    float[] r = new float[NerLabels.tags(NerLabels.ENTITIES).size()];
    r[0] = 1 - p;
    r[tag] += p;
    return r;
  }

  @Test
  void wordPiecesShareOneDecisionAndBeginStartsANewSpan() {
    // "mc donald smith , ann": pieces mc|donald form one word (adjacent letters)
    String text = "mcdonald smith, ann";
    int[] starts = {0, 2, 9, 14, 16};
    int[] ends = {2, 8, 14, 15, 19};
    float[][] probs = {row(1, 0.9f), row(0, 1f), row(2, 0.8f), row(0, 1f), row(1, 0.7f)};
    List<LabeledSpan> spans = decoder.decode(text, starts, ends, probs);
    // word "mcdonald": mean of B-PERSON 0.9 and O -> PERSON 0.45 vs O 0.55: outside; then smith (I) starts a span
    assertEquals(List.of(new LabeledSpan(9, 14, "PERSON", 0.8f), new LabeledSpan(16, 19, "PERSON", 0.7f)), spans);
  }

  @Test
  void consecutiveInsideTagsJoinAcrossLines() {
    String text = "1 Main St\nSpringfield";
    int[] starts = {0, 2, 7, 10};
    int[] ends = {1, 6, 9, 21};
    int b = NerLabels.beginTag(3);
    float[][] probs = {row(b, 0.9f), row(b + 1, 0.9f), row(b + 1, 0.9f), row(b + 1, 0.6f)};
    List<LabeledSpan> spans = decoder.decode(text, starts, ends, probs);
    assertEquals(1, spans.size());
    LabeledSpan s = spans.get(0);
    assertEquals(List.of(0, 21, "STREET_ADDRESS"), List.of(s.start(), s.end(), s.label()));
    assertEquals((0.9 * 3 + 0.6) / 4, s.score(), 1e-5);
  }
}
