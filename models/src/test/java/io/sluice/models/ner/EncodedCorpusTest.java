package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.ModelLoader;
import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.ModelCache;
import io.sluice.models.runtime.WindowStates;
import io.sluice.models.text.TokenizedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoder-state cache of training, and the premise of free lower-case copies. */
class EncodedCorpusTest {
  private static final NerModelConfig CONFIG = new NerModelConfig(TrainNer.ENCODER, null, 64, 16,
      NerLabels.ENTITIES, 8, TokenFeatures.WIDTH, 0.5);
  private static ModelCache.Lease<EncoderModel> encoder;

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    encoder = ModelLoader.sharedEncoder(CONFIG.encoderSpec("cpu"), 0);
  }

  @AfterAll
  static void release() {
    encoder.close();
  }

  @Test
  void aLowerCaseCopyKeepsSpansAndGivesTheUncasedEncoderTheSameTokens() {
    String text = "Dr. José ÖZIL met İlker at ACME GmbH in New York 😀 Straße";
    String lower = NerTrainer.lowerCase(text);
    assertEquals(text.codePointCount(0, text.length()), lower.codePointCount(0, lower.length()));
    TokenizedText a = encoder.get().tokenizer().tokenize(text);
    TokenizedText b = encoder.get().tokenizer().tokenize(lower);
    assertArrayEquals(a.ids(), b.ids());
    assertArrayEquals(a.starts(), b.starts());
    assertArrayEquals(a.ends(), b.ends());
  }

  @Test
  void cachedStatesAreReadBackExactlyAndOnlyForTheSameTexts() throws IOException {
    List<GoldDocument> docs = List.of(
        new GoldDocument("a", "Anna Schmidt lives in Berlin.", List.of(new EntitySpan("PERSON", 0, 12))),
        new GoldDocument("b", "", List.of()));
    List<String> log = new ArrayList<>();
    List<EncodedCorpus.Document> first = EncodedCorpus.encode(encoder.get(), CONFIG, docs, dir, log::add);
    List<EncodedCorpus.Document> again = EncodedCorpus.encode(encoder.get(), CONFIG, docs, dir, log::add);
    assertEquals(1, files());
    assertNotSame(first.get(0).states(), again.get(0).states());
    assertArrayEquals(first.get(0).starts(), again.get(0).starts());
    assertArrayEquals(first.get(0).ends(), again.get(0).ends());
    for (int i = 0; i < first.get(0).size(); i++) {
      assertArrayEquals(first.get(0).states()[i], again.get(0).states()[i]);
    }
    assertEquals(0, again.get(1).size());
    assertEquals(docs.get(0), again.get(0).gold());

    List<GoldDocument> changed = List.of(new GoldDocument("a", "Anna Schmidt lives in Bonn.", List.of()));
    EncodedCorpus.encode(encoder.get(), CONFIG, changed, dir, log::add);
    assertEquals(2, files());
  }

  @Test
  void windowStatesCoverEveryTokenWithTheSpecialTokensAndAreReadBackExactly() throws IOException {
    List<GoldDocument> docs = List.of(new GoldDocument("long", "word ".repeat(150), List.of()),
        new GoldDocument("empty", "", List.of()));
    List<String> log = new ArrayList<>();
    List<EncodedCorpus.Windows> first = EncodedCorpus.encodeWindows(encoder.get(), CONFIG, docs, dir, log::add);
    List<EncodedCorpus.Windows> again = EncodedCorpus.encodeWindows(encoder.get(), CONFIG, docs, dir, log::add);
    assertEquals(1, files());
    WindowStates s = again.get(0).states();
    assertEquals(150, s.starts().length);
    assertTrue(s.windows().size() > 1, "150 tokens need several windows of 64");
    assertEquals(0, s.windows().get(0).start());
    assertEquals(150, s.windows().get(s.windows().size() - 1).end());
    for (int w = 0; w < s.windows().size(); w++) {
      WindowStates.Rows rows = s.windows().get(w);
      assertEquals(rows.end() - rows.start() + 2, rows.values().length, "content plus [CLS] and [SEP]");
      for (int r = 0; r < rows.values().length; r++) {
        assertArrayEquals(first.get(0).states().windows().get(w).values()[r], rows.values()[r]);
      }
    }
    assertEquals(0, again.get(1).states().starts().length);
    assertEquals(docs.get(0), again.get(0).gold());
  }

  private long files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
