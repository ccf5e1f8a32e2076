package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModerationChunksTest {
  @Test
  void aShortTextIsOneChunkItself() {
    assertEquals(List.of("You are an idiot. Go away!"), ModerationChunks.of("  You are an idiot. Go away!\n"));
  }

  @Test
  void aLongDocumentIsPackedIntoSentenceChunksOfBoundedLength() {
    String sentence = "The team reviewed the quarterly budget and agreed on the next steps.";
    StringBuilder doc = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      doc.append(sentence).append(i % 5 == 4 ? "\n" : " ");
    }
    doc.append("I will hurt you.");
    List<String> chunks = ModerationChunks.of(doc.toString());
    assertTrue(chunks.size() >= 6, chunks.size() + " chunks");
    for (String c : chunks) {
      assertTrue(c.split("\\s+").length <= ModerationChunks.MAX_WORDS, c);
    }
    String last = chunks.get(chunks.size() - 1);
    assertTrue(last.endsWith("I will hurt you."), "sentences stay whole: " + last);
    assertTrue(last.split("\\s+").length <= ModerationChunks.MAX_WORDS, "the threat shares a short chunk");
    assertEquals(String.join(" ", doc.toString().split("\\s+")), String.join(" ", chunks), "nothing is lost");
  }

  @Test
  void shortLinesArePackedTogetherAndAnOrdinarySentenceStandsAlone() {
    String doc = "Hi Sam,\nThanks for the call.\nInvoice INV-2026-0042 for $1,250.00 is due Friday.\n"
        + "Questions: +44 20 7946 0321.\nBest,\nPriya\n"
        + "The team reviewed the quarterly budget and agreed on the next steps for the release. "
        + "I will hurt you if you tell anyone about this meeting, so keep quiet.";
    List<String> chunks = ModerationChunks.of(doc);
    assertEquals("Hi Sam, Thanks for the call. Invoice INV-2026-0042 for $1,250.00 is due Friday.", chunks.get(0));
    assertEquals("I will hurt you if you tell anyone about this meeting, so keep quiet.",
        chunks.get(chunks.size() - 1), "a sentence of ordinary length is scored on its own");
  }

  @Test
  void aSentenceLongerThanTheLimitIsCutAtWords() {
    String longSentence = "word ".repeat(ModerationChunks.MAX_WORDS * 2 + 5).strip();
    List<String> chunks = ModerationChunks.of(longSentence);
    assertEquals(3, chunks.size());
    assertEquals(ModerationChunks.MAX_WORDS, chunks.get(0).split(" ").length);
  }
}
