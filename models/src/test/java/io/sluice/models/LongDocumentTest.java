package io.sluice.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.TokenOutputs;
import io.sluice.models.text.TokenizedText;
import io.sluice.models.text.Window;
import io.sluice.models.text.Windowing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 10,000-token document is fully covered by windows and its token outputs line up with code points. */
class LongDocumentTest {
  // each word is one WordPiece token in MiniLM's vocabulary; the emoji and the clef are non-BMP [UNK] tokens
  private static final String[] WORDS = {"the", "river", "😀", "flows", "north", "𝄞", "past", "old", "mills"};

  @Test
  void tenThousandTokenDocumentIsCoveredAndAligned() {
    int tokens = 10_000;
    StringBuilder doc = new StringBuilder();
    List<int[]> expectedSpans = new ArrayList<>();
    int cp = 0;
    for (int i = 0; i < tokens; i++) {
      String w = WORDS[i % WORDS.length];
      if (i > 0) {
        doc.append(' ');
        cp++;
      }
      int len = w.codePointCount(0, w.length());
      expectedSpans.add(new int[] {cp, cp + len});
      doc.append(w);
      cp += len;
    }
    ModelSpec spec = ModelSpec.embedded("all-minilm-l6-v2").withWindowing(512, 32, 8192, 16);
    try (EncoderModel model = ModelLoader.loadEncoder(spec, 0)) {
      String text = doc.toString();
      TokenOutputs out = model.tokenStates(List.of(text)).get(0);
      assertEquals(tokens, out.size(), "every token of the document has an output");
      for (int i = 0; i < tokens; i++) {
        assertNotNull(out.values()[i], "token " + i + " not covered");
        assertEquals(expectedSpans.get(i)[0], out.starts()[i], "start of token " + i);
        assertEquals(expectedSpans.get(i)[1], out.ends()[i], "end of token " + i);
      }
      assertTrue(model.stats().windows() >= 20, "a 10k-token text needs many 512-token windows");

      // the merged vector of a token is the one from the window where it is farthest from a cut
      TokenizedText tokenized = model.tokenizer().tokenize(text);
      List<Window> windows = new Windowing(512, 32).windows(0, tokenized, model.tokenizer().prefix(),
          model.tokenizer().suffix());
      for (int probe : new int[] {0, 100, 5_000, 9_999}) {
        Window best = windows.stream().filter(w -> w.start() <= probe && probe < w.end())
            .max(Comparator.comparingInt(w -> w.distanceFromCut(probe))).orElseThrow();
        long[][] ids = {best.ids()};
        long[][] mask = {ones(best.length())};
        float[] direct = model.encoder().lastHiddenState(ids, mask);
        int row = model.tokenizer().prefix().length + probe - best.start();
        float[] expected = Arrays.copyOfRange(direct, row * 384, (row + 1) * 384);
        for (int h = 0; h < 384; h++) {
          assertEquals(expected[h], out.values()[probe][h], 1e-4f, "token " + probe + " dim " + h);
        }
      }
    }
  }

  private static long[] ones(int n) {
    long[] a = new long[n];
    Arrays.fill(a, 1);
    return a;
  }
}
