package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.models.heads.LabeledSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordSpanDecoderTest {
  private final WordSpanDecoder decoder = new WordSpanDecoder(NerLabels.ENTITIES, NerModelConfig.DEFAULT_ENTITY_THRESHOLD);

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
  void aChunkTakesTheTypeWithTheMostProbabilityOverItsWords() {
    // "Domenic Mewes and Oslo": the model leans LOCATION on the first word, PERSON (more) on the second
    String text = "Domenic Mewes and Oslo";
    int[] starts = {0, 8, 14, 18};
    int[] ends = {7, 13, 17, 22};
    int loc = NerLabels.beginTag(1);
    float[][] probs = {row(loc, 0.6f), row(2, 0.9f), row(0, 1f), row(loc, 0.8f)};
    List<LabeledSpan> spans = decoder.decode(text, starts, ends, probs);
    assertEquals(2, spans.size());
    assertEquals(List.of(0, 13, "PERSON"), List.of(spans.get(0).start(), spans.get(0).end(), spans.get(0).label()));
    assertEquals(0.45, spans.get(0).score(), 1e-5);
    assertEquals(new LabeledSpan(18, 22, "LOCATION", 0.8f), spans.get(1));
  }

  @Test
  void aNameLineAboveAnAddressStaysANameAndEdgePunctuationIsDropped() {
    String text = "Ana Ruiz,\n1 Main St\nLyon";
    int[] starts = {0, 4, 8, 10, 12, 17, 20};
    int[] ends = {3, 8, 9, 11, 16, 19, 24};
    int addr = NerLabels.beginTag(3);
    float[][] probs = {row(1, 0.9f), row(2, 0.9f), row(2, 0.6f), row(addr, 0.9f), row(addr + 1, 0.9f),
        row(addr + 1, 0.9f), row(addr + 1, 0.8f)};
    List<LabeledSpan> spans = decoder.decode(text, starts, ends, probs);
    assertEquals(List.of("PERSON", "STREET_ADDRESS"), spans.stream().map(LabeledSpan::label).toList());
    assertEquals(List.of(0, 8), List.of(spans.get(0).start(), spans.get(0).end()));
    assertEquals(List.of(10, 24), List.of(spans.get(1).start(), spans.get(1).end()));
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

  @Test
  void aLowerEntityThresholdAcceptsWordsTheModelIsLessSureOf() {
    String text = "ask ryan";
    int[] starts = {0, 4};
    int[] ends = {3, 8};
    float[][] probs = {row(0, 1f), row(1, 0.4f)};
    assertEquals(List.of(), decoder.decode(text, starts, ends, probs));
    assertEquals(List.of(new LabeledSpan(4, 8, "PERSON", 0.4f)),
        new WordSpanDecoder(NerLabels.ENTITIES, 0.35).decode(text, starts, ends, probs));
  }

  @Test
  void aTypeThresholdAppliesToTheWordsWhoseMostProbableTypeItIs() {
    String text = "ask ryan in rome";
    int[] starts = {0, 4, 9, 12};
    int[] ends = {3, 8, 11, 16};
    float[][] probs = {row(0, 1f), row(1, 0.4f), row(0, 1f), row(NerLabels.beginTag(1), 0.4f)};
    double[] personLower = {0.35, 0.5, 0.5, 0.5};
    assertEquals(List.of(new LabeledSpan(4, 8, "PERSON", 0.4f)),
        new WordSpanDecoder(NerLabels.ENTITIES, personLower, NerModelConfig.Words.ALPHANUMERIC_RUNS)
            .decode(text, starts, ends, probs));
  }

  @Test
  void whitespaceChunksKeepAmountsWholeAndBeginSplitsValuesOnConsecutiveLines() {
    // "TOTAL 9.55\n9.55\nNO 3\nTAMAN JAYA" with tokens 9|.|55 on each amount line; entity 0 = PERSON stands in
    // for a "total" field, entity 3 for an address
    WordSpanDecoder chunks = new WordSpanDecoder(NerLabels.ENTITIES, NerModelConfig.DEFAULT_ENTITY_THRESHOLD,
        NerModelConfig.Words.WHITESPACE_CHUNKS);
    String text = "TOTAL 9.55\n9.55\nNO 3\nTAMAN JAYA";
    int[] starts = {0, 6, 7, 8, 11, 12, 13, 16, 19, 21, 27};
    int[] ends = {5, 7, 8, 10, 12, 13, 15, 18, 20, 26, 31};
    int addr = NerLabels.beginTag(3);
    // the "." pieces lean O: alphanumeric-run words would cut "9" and "55" apart
    float[][] probs = {row(0, 1f), row(1, 0.9f), row(2, 0.3f), row(2, 0.9f), row(1, 0.8f), row(2, 0.3f),
        row(2, 0.9f), row(addr, 0.9f), row(addr + 1, 0.9f), row(addr + 1, 0.9f), row(addr + 1, 0.9f)};
    List<LabeledSpan> spans = chunks.decode(text, starts, ends, probs);
    assertEquals(List.of(List.of(6, 10, "PERSON"), List.of(11, 15, "PERSON"), List.of(16, 31, "STREET_ADDRESS")),
        spans.stream().map(s -> List.<Object>of(s.start(), s.end(), s.label())).toList());
  }
}
