package io.sluice.models.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.decoder.TinyDecoders;
import io.sluice.models.generate.GenerationResult.FinishReason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation over a small random Llama loaded from a Hugging Face directory. */
class GeneratorTest {
  private static final List<String> PROMPTS = List.of("the cat", "a much longer prompt than the others here", "x",
      "{\"name\": \"sluice\"}", "data flows");
  @TempDir static Path tmp;
  private static DecoderModel model;

  @BeforeAll
  static void load() throws Exception {
    var c = TinyDecoders.llama(true);
    model = DecoderLoader.load(TinyDecoders.write(tmp.resolve("llama"), c, TinyDecoders.randomWeights(c, 5)), "cpu");
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void generationConfigSuppliesTheDefaults() {
    GenerationParams d = model.defaults();
    assertEquals(Set.of(TinyDecoders.EOS), d.stopTokens());
    assertEquals(12, d.maxNewTokens());
    assertTrue(!d.sample(), "greedy unless generation_config.json sets do_sample");
  }

  @Test
  void slotsRefilledAsSequencesFinishGiveTheOutputsOfOneAtATime() {
    List<GenerationRequest> requests = new ArrayList<>();
    for (int i = 0; i < PROMPTS.size(); i++) {
      GenerationParams p = model.defaults().withMaxNewTokens(2 + i).withStops(Set.of(), List.of());
      requests.add(new GenerationRequest("r" + i, model.encodePrompt(PROMPTS.get(i)), p, null));
    }
    List<GenerationResult> one = model.newGenerator(1).generate(requests);
    List<GenerationResult> two = model.newGenerator(2).generate(requests);
    List<GenerationResult> all = model.newGenerator(8).generate(requests);
    for (int i = 0; i < requests.size(); i++) {
      assertEquals(2 + i, one.get(i).generatedTokens());
      assertEquals(FinishReason.LENGTH, one.get(i).finish());
      assertArrayEquals(one.get(i).tokenIds(), two.get(i).tokenIds(), "request " + i + " at batch 2");
      assertArrayEquals(one.get(i).tokenIds(), all.get(i).tokenIds(), "request " + i + " at batch 8");
      assertEquals(one.get(i).text(), all.get(i).text());
      assertEquals("r" + i, all.get(i).id());
    }
  }

  @Test
  void aSeedReproducesASampledOutputWhateverTheBatch() {
    GenerationParams sampling = model.defaults().sampling(1.0, 40, 0.9).withRepetitionPenalty(1.3)
        .withMaxNewTokens(6).withStops(Set.of(), List.of());
    long[] prompt = model.encodePrompt(PROMPTS.get(0));
    GenerationRequest target = new GenerationRequest("t", prompt, sampling.withSeed(42), null);
    long[] alone = model.newGenerator(1).generate(List.of(target)).get(0).tokenIds();
    List<GenerationRequest> crowd = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (int s = 0; s < 4; s++) {
      crowd.add(new GenerationRequest("s" + s, model.encodePrompt(PROMPTS.get(s % PROMPTS.size())),
          sampling.withSeed(s), null));
    }
    crowd.add(2, target);
    List<GenerationResult> results = model.newGenerator(4).generate(crowd);
    assertArrayEquals(alone, results.get(2).tokenIds());
    assertArrayEquals(alone, model.newGenerator(1).generate(List.of(target)).get(0).tokenIds());
    List<GenerationRequest> seeds = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      seeds.add(new GenerationRequest("same prompt", prompt, sampling.withSeed(100 + s), null));
    }
    model.newGenerator(5).generate(seeds).forEach(r -> distinct.add(java.util.Arrays.toString(r.tokenIds())));
    assertTrue(distinct.size() >= 3, "different seeds should sample different outputs: " + distinct);
  }

  @Test
  void stopTokensAndStopStringsEndTheSequence() {
    long[] prompt = model.encodePrompt(PROMPTS.get(3));
    GenerationParams free = model.defaults().withMaxNewTokens(8).withStops(Set.of(), List.of());
    GenerationResult full = model.newGenerator(1).generate(List.of(new GenerationRequest("f", prompt, free, null))).get(0);
    long[] g = full.tokenIds();
    int firstRepeatFree = 1;
    while (firstRepeatFree < g.length - 1 && contains(g, firstRepeatFree, g[firstRepeatFree])) {
      firstRepeatFree++;
    }
    GenerationParams byToken = free.withStops(Set.of((int) g[firstRepeatFree]), List.of());
    GenerationResult stopped = model.newGenerator(1).generate(
        List.of(new GenerationRequest("t", prompt, byToken, null))).get(0);
    assertEquals(FinishReason.STOP, stopped.finish());
    assertArrayEquals(java.util.Arrays.copyOf(g, firstRepeatFree), stopped.tokenIds());

    String text = full.text();
    String stop = text.substring(text.length() / 2, text.length() / 2 + 2);
    GenerationResult cut = model.newGenerator(1).generate(
        List.of(new GenerationRequest("s", prompt, free.withStops(Set.of(), List.of(stop)), null))).get(0);
    assertEquals(FinishReason.STOP, cut.finish());
    assertEquals(text.substring(0, text.indexOf(stop)), cut.text());
  }

  @Test
  void theConstraintMasksEveryStepAndEndsTheSequence() {
    int[] steps = {0};
    ConstraintFactory onlyDigitsThenStop = () -> new LogitsConstraint() {
      int accepted;

      @Override
      public void maskLogits(float[] logits) {
        steps[0]++;
        for (int t = 0; t < logits.length; t++) {
          if (t < '0' || t > '9') {
            logits[t] = Float.NEGATIVE_INFINITY; // byte-level ids 48-57 are the digits
          }
        }
      }

      @Override
      public void accept(int tokenId) {
        assertTrue(tokenId >= '0' && tokenId <= '9', "token " + tokenId + " was masked");
        accepted++;
      }

      @Override
      public boolean isComplete() {
        return accepted == 4;
      }
    };
    GenerationParams sampling = model.defaults().sampling(1.5, 0, 1.0).withSeed(3);
    List<GenerationRequest> requests = List.of(
        new GenerationRequest("c1", model.encodePrompt("number:"), sampling, onlyDigitsThenStop),
        new GenerationRequest("free", model.encodePrompt("text"), model.defaults(), null),
        new GenerationRequest("c2", model.encodePrompt("another number:"), sampling.withSeed(4), onlyDigitsThenStop));
    List<GenerationResult> results = model.newGenerator(3).generate(requests);
    for (int i : new int[] {0, 2}) {
      assertEquals(FinishReason.STOP, results.get(i).finish());
      assertTrue(results.get(i).text().matches("[0-9]{4}"), results.get(i).text());
    }
    assertEquals(8, steps[0]);
  }

  @Test
  void aPromptLongerThanTheContextIsAnErrorResultNotALoss() {
    long[] tooLong = new long[300];
    List<GenerationResult> results = model.newGenerator(2).generate(List.of(
        new GenerationRequest("long", tooLong, model.defaults(), null),
        new GenerationRequest("ok", model.encodePrompt("fine"), model.defaults().withMaxNewTokens(2), null)));
    assertEquals(FinishReason.ERROR, results.get(0).finish());
    assertTrue(results.get(0).error().contains("context"), results.get(0).error());
    assertTrue(results.get(1).finish() != FinishReason.ERROR, "the other request is unaffected");
  }

  @Test
  void outputsFailingTheCheckAreRetriedWithNewSeedsThenReportedWithTheReason() {
    GenerationParams p = model.defaults().sampling(1.0, 0, 1.0).withMaxNewTokens(3).withSeed(10);
    List<GenerationRequest> requests = List.of(new GenerationRequest("x", model.encodePrompt("x"), p, null),
        new GenerationRequest("y", model.encodePrompt("y"), p.withSeed(20), null));
    List<CheckedGeneration.Outcome> never = CheckedGeneration.generate(model.newGenerator(2), requests,
        text -> "never good enough", 3);
    for (CheckedGeneration.Outcome o : never) {
      assertEquals(3, o.attempts());
      assertEquals("never good enough", o.problem());
      assertTrue(o.failed());
    }
    assertEquals(10 + 2 * CheckedGeneration.RETRY_SEED_STEP, never.get(0).seed());
    int[] checks = {0};
    List<CheckedGeneration.Outcome> second = CheckedGeneration.generate(model.newGenerator(2), requests,
        text -> checks[0]++ < 2 ? "the first attempts fail" : null, 5);
    assertTrue(second.stream().allMatch(o -> !o.failed() && o.attempts() == 2), second.toString());
    assertEquals(20 + CheckedGeneration.RETRY_SEED_STEP, second.get(1).seed());
  }

  private static boolean contains(long[] a, int before, long v) {
    for (int i = 0; i < before; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }
}
