package io.sluice.synth.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.validators.Iban;
import io.sluice.pii.validators.Luhn;
import io.sluice.schemas.DeidentifiedDocument;
import io.sluice.schemas.Document;
import io.sluice.schemas.InjectedValue;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.SpecException;
import io.sluice.synth.gate.GateSettings;
import io.sluice.synth.gate.SynthesisGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** De-identified copies on the DirectRunner: consistent, valid surrogates that the gate then lets through. */
class DeidentifiedCopiesTest {
  private static final String POLICY = """
      name: deid-test
      entities:
        EMAIL_ADDRESS: {}
        CREDIT_CARD: {}
        IBAN_CODE: {}
        PERSON: {}
      deny_list:
        PERSON: [Jane Doe]
      """;
  private static final String ONE = "Jane Doe paid with 4111 1111 1111 1111 from GB82 WEST 1234 5698 7654 32."
      + " Later Jane Doe wrote from jane@example.org and paid again with 4111 1111 1111 1111.";
  private static final String TWO = "A note about Jane Doe, whose card is 4111 1111 1111 1111.";

  private static final Map<String, SynthRecord> ACCEPTED = new java.util.concurrent.ConcurrentHashMap<>();

  @TempDir Path dir;

  private DeidSettings settings(boolean withKey) throws IOException {
    Files.writeString(dir.resolve("policy.yaml"), POLICY);
    Map<String, Object> block = new HashMap<>(Map.of("policy", "policy.yaml"));
    if (withKey) {
      Files.writeString(dir.resolve("key"), "0123456789abcdef0123456789abcdef\n");
      block.put("key", Map.of("file", "key"));
    }
    return DeidSettings.parse(block, dir);
  }

  /** Runs the copies, then the gate (PII scan with the same policy) over them; returns the accepted records by id. */
  private Map<String, SynthRecord> copies(DeidSettings settings) throws IOException {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Document> documents = p.apply(Create.of(
        Document.newBuilder().setId("one").setText(ONE).build(),
        Document.newBuilder().setId("two").setText(TWO).build()).withCoder(AvroCoder.of(Document.class)));
    DeidentifiedCopies.Result copies = documents.apply(DeidentifiedCopies.with(settings));
    GateSettings gate = GateSettings.parse(Map.of("pii", Map.of("policy", "policy.yaml")), dir);
    SynthesisGate.Result gated = copies.records().apply(SynthesisGate.with(gate));
    PAssert.that(copies.deadLetters()).empty();
    PAssert.that(gated.deadLetters()).empty();
    // PAssert runs a serialized copy of its function: hand the records out through a static map.
    ACCEPTED.clear();
    PAssert.that(gated.accepted()).satisfies(accepted -> {
      accepted.forEach(r -> ACCEPTED.put(r.getId(), r));
      return null;
    });
    p.run().waitUntilFinish();
    assertEquals(2, ACCEPTED.size());
    return new HashMap<>(ACCEPTED);
  }

  @Test
  void surrogatesAreConsistentWithinADocumentValidAndRecordedAsInjected() throws IOException {
    Map<String, SynthRecord> byId = copies(settings(false));
    SynthRecord one = byId.get("one");
    String text = one.getText();
    for (String original : List.of("Jane Doe", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "jane@example.org")) {
      assertFalse(text.contains(original), text);
    }
    Map<String, List<String>> fakes = fakesByType(one);
    assertEquals(2, fakes.get("PERSON").size());
    assertEquals(fakes.get("PERSON").get(0), fakes.get("PERSON").get(1), "the same name, the same fake");
    assertEquals(fakes.get("CREDIT_CARD").get(0), fakes.get("CREDIT_CARD").get(1));
    assertTrue(Luhn.isValid(fakes.get("CREDIT_CARD").get(0).replaceAll("\\D", "")), fakes.toString());
    assertTrue(Iban.isValid(Iban.compact(fakes.get("IBAN_CODE").get(0))), fakes.toString());
    assertTrue(Pattern.matches("\\d{4} \\d{4} \\d{4} \\d{4}", fakes.get("CREDIT_CARD").get(0)), "format kept");
    for (List<String> values : fakes.values()) {
      values.forEach(v -> assertTrue(text.contains(v), v));
    }
    // Without a key, documents share nothing: the same name and card get other fakes in document two.
    Map<String, List<String>> other = fakesByType(byId.get("two"));
    assertNotEquals(fakes.get("PERSON").get(0), other.get("PERSON").get(0));
    assertNotEquals(fakes.get("CREDIT_CARD").get(0), other.get("CREDIT_CARD").get(0));
    // The payload is the copy in the published schema.
    DeidentifiedDocument payload = new SpecificDatumReader<DeidentifiedDocument>(DeidentifiedCopies.OUTPUT_SCHEMA)
        .read(null, DecoderFactory.get().binaryDecoder(one.getPayload().array(), null));
    assertEquals("one", payload.getId());
    assertEquals(text, payload.getText());
  }

  @Test
  void withAKeyTheSameValueGetsTheSameSurrogateAcrossDocumentsAndRuns() throws IOException {
    Map<String, SynthRecord> first = copies(settings(true));
    Map<String, List<String>> one = fakesByType(first.get("one"));
    Map<String, List<String>> two = fakesByType(first.get("two"));
    assertEquals(one.get("PERSON").get(0), two.get("PERSON").get(0));
    assertEquals(one.get("CREDIT_CARD").get(0), two.get("CREDIT_CARD").get(0));
    Map<String, SynthRecord> again = copies(settings(true));
    assertEquals(first.get("one").getText(), again.get("one").getText());
    assertEquals(first.get("one").getIndex(), again.get("one").getIndex());
  }

  @Test
  void aMissingKeyStopsTheSpecBeforeAnyWork() {
    SpecException e = assertThrows(SpecException.class,
        () -> DeidSettings.parse(Map.of("key", Map.of("env", "SLUICE_TEST_SURELY_UNSET_KEY")), dir));
    assertTrue(e.getMessage().contains("SLUICE_TEST_SURELY_UNSET_KEY is not set"), e.getMessage());
    assertThrows(SpecException.class, () -> DeidSettings.parse(Map.of("key", Map.of()), dir));
  }

  private static Map<String, List<String>> fakesByType(SynthRecord record) {
    Map<String, List<String>> out = new HashMap<>();
    for (InjectedValue v : record.getInjected()) {
      out.computeIfAbsent(v.getEntityType(), k -> new ArrayList<>()).add(v.getValue());
    }
    return out;
  }

}
