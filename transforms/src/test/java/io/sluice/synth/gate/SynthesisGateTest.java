package io.sluice.synth.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.InjectedValue;
import io.sluice.schemas.SynthRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gate on the DirectRunner: which records pass, which are dead-lettered and why, in any input order. */
class SynthesisGateTest {
  private static final String POLICY = """
      name: gate-test
      entities:
        EMAIL_ADDRESS: {}
        CREDIT_CARD: {}
      """;

  @TempDir Path dir;

  private final String sourceA = GateTexts.document(1, 200);
  private final String sourceB = GateTexts.document(2, 200);

  private GateSettings settings(Map<String, Object> overrides) throws IOException {
    Files.writeString(dir.resolve("policy.yaml"), POLICY);
    Map<String, Object> gate = new TreeMap<>(Map.of(
        "pii", Map.of("policy", "policy.yaml"),
        "near_duplicates", Map.of("source", "corpus.jsonl", "threshold", 0.8)));
    gate.putAll(overrides);
    return GateSettings.parse(gate, dir);
  }

  private static SynthRecord record(long index, String text, InjectedValue... injected) {
    return SynthRecord.newBuilder().setIndex(index).setId("r" + index).setPayload(ByteBuffer.wrap(new byte[0]))
        .setText(text).setInjected(List.of(injected)).build();
  }

  /** Records 0-4, 10 and 13 are clean; every other one breaks exactly one rule (noted beside it). */
  private List<SynthRecord> records() {
    List<SynthRecord> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(record(i, GateTexts.document(100 + i, 200)));
    }
    records.add(record(5, sourceA));                                    // verbatim copy of a source document
    records.add(record(6, GateTexts.edit(sourceB, 3)));                 // lightly edited copy of another
    records.add(record(7, GateTexts.document(101, 200).toUpperCase())); // record 1 again, in capitals
    String nearTwo = GateTexts.edit(GateTexts.document(102, 200), 3);
    records.add(record(8, nearTwo));                                    // record 2 with three words changed
    records.add(record(9, GateTexts.document(200, 200) + " Write to jane.roe@example.org today."));  // a leak
    records.add(record(10, GateTexts.document(201, 200) + " Write to john.poe@example.net today.",   // injected
        InjectedValue.newBuilder().setEntityType("EMAIL_ADDRESS").setValue("John.Poe@example.net").build()));
    records.add(record(11, nearTwo));                                   // record 8 again: exact beats near
    records.add(record(13, GateTexts.edit(GateTexts.document(300, 200), 3)));  // the lower index of a near pair...
    records.add(record(14, GateTexts.document(300, 200)));                     // ...is kept, whatever came first
    return records;
  }

  private static final Map<String, String> EXPECTED_REJECTIONS = Map.of(
      "r5", GateErrorKinds.NEAR_DUPLICATE_SOURCE,
      "r6", GateErrorKinds.NEAR_DUPLICATE_SOURCE,
      "r7", GateErrorKinds.EXACT_DUPLICATE,
      "r8", GateErrorKinds.NEAR_DUPLICATE_OUTPUT,
      "r9", GateErrorKinds.PII_LEAK,
      "r11", GateErrorKinds.EXACT_DUPLICATE,
      "r14", GateErrorKinds.NEAR_DUPLICATE_OUTPUT);

  @Test
  void copiesDuplicatesAndLeaksAreRejectedKeepingTheLowestIndexInAnyInputOrder() throws IOException {
    GateSettings settings = settings(Map.of());
    List<SynthRecord> forward = records();
    List<SynthRecord> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    for (List<SynthRecord> input : List.of(forward, backward)) {
      Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
      PCollection<Document> source = p.apply("Source", Create.of(
          Document.newBuilder().setId("src-a").setText(sourceA).build(),
          Document.newBuilder().setId("src-b").setText(sourceB).build(),
          Document.newBuilder().setId("src-c").setText(GateTexts.document(3, 200)).build())
          .withCoder(AvroCoder.of(Document.class)));
      PCollection<SynthRecord> records = p.apply("Records", Create.of(input).withCoder(AvroCoder.of(SynthRecord.class)));
      SynthesisGate.Result gated = records.apply(SynthesisGate.with(settings).withSource(source));

      PAssert.that(gated.accepted()).satisfies(accepted -> {
        TreeSet<String> ids = new TreeSet<>();
        accepted.forEach(r -> ids.add(r.getId()));
        assertEquals(new TreeSet<>(List.of("r0", "r1", "r2", "r3", "r4", "r10", "r13")), ids);
        return null;
      });
      PAssert.that(gated.deadLetters()).satisfies(deadLetters -> {
        Map<String, String> kinds = new TreeMap<>();
        for (DeadLetter d : deadLetters) {
          kinds.put(d.getRecordId(), d.getErrorKind());
          assertEquals(GateErrorKinds.STAGE, d.getStage());
          assertFalse(d.getMessage().contains("@"), d.getMessage());
          assertFalse(d.getMessage().toLowerCase().contains(d.getRaw().substring(0, 12).toLowerCase()), d.getMessage());
        }
        assertEquals(new TreeMap<>(EXPECTED_REJECTIONS), kinds);
        return null;
      });
      PipelineResult result = p.run();
      result.waitUntilFinish();
      GateStatistics stats = GateStatistics.from(result.metrics());
      assertEquals(7, stats.accepted());
      assertEquals(7, stats.rejected());
      assertEquals(2, stats.rejectedByKind().get(GateErrorKinds.NEAR_DUPLICATE_SOURCE));
      assertEquals(2, stats.rejectedByKind().get(GateErrorKinds.EXACT_DUPLICATE));
      assertEquals(1, stats.rejectedByKind().get(GateErrorKinds.PII_LEAK));
      List<String> acceptedTexts = forward.stream()
          .filter(r -> !EXPECTED_REJECTIONS.containsKey(r.getId().toString())).map(r -> r.getText().toString()).toList();
      assertEquals(distinctRatio(acceptedTexts, 1), stats.distinct1(), 1e-12);
      assertEquals(distinctRatio(acceptedTexts, 2), stats.distinct2(), 1e-12);
      assertTrue(stats.distinct1() > 0 && stats.distinct1() < stats.distinct2(), "distinct-1 " + stats.distinct1());
    }
  }

  /** Distinct n-grams / all n-grams of lower-cased letter-and-digit words, counted on strings. */
  private static double distinctRatio(List<String> texts, int n) {
    Set<List<String>> distinct = new HashSet<>();
    long total = 0;
    for (String text : texts) {
      List<String> words = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text.toLowerCase(Locale.ROOT)).results()
          .map(MatchResult::group).toList();
      for (int i = 0; i + n <= words.size(); i++) {
        distinct.add(words.subList(i, i + n));
        total++;
      }
    }
    return (double) distinct.size() / total;
  }

  @Test
  void deadLettersNameTheLeakedEntityTypeAndTheCopiedDocument() throws IOException {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Document> source = p.apply("Source", Create.of(
        Document.newBuilder().setId("src-a").setText(sourceA).build()).withCoder(AvroCoder.of(Document.class)));
    PCollection<SynthRecord> records = p.apply("Records", Create.of(
        record(1, "Pay with 4111 1111 1111 1111 or mail a@b.org and c@d.org."),
        record(2, GateTexts.edit(sourceA, 2))).withCoder(AvroCoder.of(SynthRecord.class)));
    SynthesisGate.Result gated = records.apply(SynthesisGate.with(settings(Map.of())).withSource(source));
    PAssert.that(gated.deadLetters()).satisfies(deadLetters -> {
      Map<String, String> messages = new TreeMap<>();
      deadLetters.forEach(d -> messages.put(d.getRecordId(), d.getMessage()));
      assertEquals("3 PII findings the generator did not inject: 1 CREDIT_CARD, 2 EMAIL_ADDRESS", messages.get("r1"));
      assertTrue(messages.get("r2").matches("near copy of source document 'src-a' \\(estimated Jaccard 0\\.[89]\\d\\)"),
          messages.get("r2"));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void switchedOffChecksLetEverythingThrough() throws IOException {
    GateSettings off = settings(Map.of("pii", false, "near_duplicates", false, "within_output", false,
        "exact_dedup", false));
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<SynthRecord> records = p.apply(Create.of(records()).withCoder(AvroCoder.of(SynthRecord.class)));
    SynthesisGate.Result gated = records.apply(SynthesisGate.with(off));
    PAssert.that(gated.deadLetters()).empty();
    PAssert.thatSingleton(gated.accepted().apply(org.apache.beam.sdk.transforms.Count.globally()))
        .isEqualTo((long) records().size());
    p.run().waitUntilFinish();
  }
}
