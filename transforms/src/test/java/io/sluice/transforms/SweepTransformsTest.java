package io.sluice.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/** DetectPii and RedactPii together, on the DirectRunner, as a sweep uses them. */
class SweepTransformsTest {

  private static final String EMAIL_POLICY =
      """
      name: test
      entities:
        EMAIL_ADDRESS: {operator: {type: replace}}
        CREDIT_CARD: {operator: {type: mask, masking_char: "#", chars_to_mask: 12}}
        PERSON: {}
      recognizers:
        broken: {type: test-failing}
      """;

  private static Document doc(String id, String text) {
    return Document.newBuilder().setId(id).setText(text).setSource("test").build();
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.create());
  }

  @Test
  void findingsUseCodePointOffsetsAndRedactionRewritesText() {
    Policy policy = PolicyLoader.parse(EMAIL_POLICY, "test");
    Pipeline p = pipeline();
    // Two emoji (each one code point, two UTF-16 chars) before the address move char and code-point offsets apart.
    String text = "😀😀 mail jane.doe@example.org or pay 4111 1111 1111 1111";
    PCollection<Document> docs =
        p.apply(Create.of(doc("a", text), doc("b", "nothing to see here")).withCoder(AvroCoder.of(Document.class)));
    DetectPii.Result detected = docs.apply(DetectPii.with(policy).withBatchLimits(1, 1_000_000));
    RedactPii.Result redacted = detected.analyzed().apply(RedactPii.with(policy));

    PAssert.that(redacted.findings())
        .satisfies(
            findings -> {
              List<Finding> list = new ArrayList<>();
              findings.forEach(list::add);
              Finding email = list.stream().filter(f -> f.getEntityType().equals("EMAIL_ADDRESS")).findFirst().orElseThrow();
              int expectedStart = text.codePointCount(0, text.indexOf("jane"));
              assertEquals(expectedStart, email.getStart());
              assertEquals(expectedStart + "jane.doe@example.org".length(), email.getEnd());
              assertEquals("replace", email.getOperator());
              assertEquals(2, list.size());
              return null;
            });
    PAssert.that(redacted.documents())
        .satisfies(
            docsOut -> {
              Map<String, RedactedDocument> byId = new java.util.HashMap<>();
              docsOut.forEach(d -> byId.put(d.getId(), d));
              assertEquals("😀😀 mail <EMAIL_ADDRESS> or pay #### #### #### 1111", byId.get("a").getText());
              assertEquals(2, byId.get("a").getFindingCount());
              assertEquals("nothing to see here", byId.get("b").getText());
              assertEquals(0, byId.get("b").getFindingCount());
              return null;
            });
    PAssert.that(detected.deadLetters()).empty();
    PAssert.that(redacted.deadLetters()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void aFailingRecognizerDeadLettersOnlyTheDocumentItFailsOn() {
    Policy policy = PolicyLoader.parse(EMAIL_POLICY, "test");
    Pipeline p = pipeline();
    List<Document> input = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      input.add(doc("ok-" + i, "write to user" + i + "@example.com"));
    }
    input.add(doc("bad", "contains " + FailingRecognizerFactory.MARKER));
    PCollection<Document> docs = p.apply(Create.of(input).withCoder(AvroCoder.of(Document.class)));
    DetectPii.Result detected = docs.apply(DetectPii.with(policy));

    PAssert.that(detected.deadLetters())
        .satisfies(
            letters -> {
              List<DeadLetter> list = new ArrayList<>();
              letters.forEach(list::add);
              assertEquals(1, list.size());
              DeadLetter letter = list.get(0);
              assertEquals("bad", letter.getRecordId());
              assertEquals(ErrorKinds.DETECTION_FAILED, letter.getErrorKind());
              assertEquals("detect", letter.getStage());
              assertFalse(letter.getMessage().contains(FailingRecognizerFactory.MARKER), "no document text in messages");
              return null;
            });
    PAssert.that(detected.analyzed())
        .satisfies(
            analyzed -> {
              assertEquals(20, StreamSupport.stream(analyzed.spliterator(), false).count());
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void fusedDetectAndRedactRedactsLikeTheTwoStepsAndDeadLettersOnlyTheFailingDocument() {
    Policy policy = PolicyLoader.parse(EMAIL_POLICY, "test");
    Pipeline p = pipeline();
    List<Document> input = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      input.add(doc("ok-" + i, "😀 write to user" + i + "@example.com"));
    }
    input.add(doc("bad", "contains " + FailingRecognizerFactory.MARKER));
    PCollection<Document> docs = p.apply(Create.of(input).withCoder(AvroCoder.of(Document.class)));
    RedactPii.Result fused = docs.apply(DetectAndRedactPii.with(policy));

    PAssert.that(fused.findings())
        .satisfies(
            findings -> {
              List<Finding> list = new ArrayList<>();
              findings.forEach(list::add);
              assertEquals(20, list.size());
              // Code-point offsets: the emoji before the address is one code point, two chars.
              assertTrue(list.stream().allMatch(f -> f.getStart() == 11 && f.getOperator().equals("replace")));
              return null;
            });
    PAssert.that(fused.documents())
        .satisfies(
            docsOut -> {
              List<RedactedDocument> list = new ArrayList<>();
              docsOut.forEach(list::add);
              assertEquals(20, list.size());
              assertTrue(list.stream().allMatch(d -> d.getText().equals("😀 write to <EMAIL_ADDRESS>")));
              return null;
            });
    PAssert.that(fused.deadLetters())
        .satisfies(
            letters -> {
              List<DeadLetter> list = new ArrayList<>();
              letters.forEach(list::add);
              assertEquals(1, list.size());
              assertEquals("bad", list.get(0).getRecordId());
              assertEquals("detect", list.get(0).getStage());
              assertEquals(ErrorKinds.DETECTION_FAILED, list.get(0).getErrorKind());
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void fusedStepOnTaggedRecordsRedactsTheDocumentsAndPassesEveryOtherRecordThrough() {
    Policy policy = PolicyLoader.parse(EMAIL_POLICY, "test");
    Pipeline p = pipeline();
    List<Tagged> input = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      input.add(new Tagged("document", doc("ok-" + i, "😀 write to user" + i + "@example.com")));
    }
    input.add(new Tagged("document", doc("bad", "contains " + FailingRecognizerFactory.MARKER)));
    input.add(new Tagged("deadLetter", DeadLetters.of("unread", "in.jsonl:7", "read", "MALFORMED_JSON", "bad line", "{")));
    PCollection<Tagged> out = p.apply(Create.of(input).withCoder(SerializableCoder.of(Tagged.class)))
        .apply(DetectAndRedactPii.onRecords(policy, new Tagging()));

    PAssert.that(out)
        .satisfies(
            records -> {
              List<Tagged> list = new ArrayList<>();
              records.forEach(list::add);
              List<RedactedDocument> documents = ofKind(list, "redacted", RedactedDocument.class);
              assertEquals(20, documents.size());
              assertTrue(documents.stream().allMatch(d -> d.getText().equals("😀 write to <EMAIL_ADDRESS>")));
              List<Finding> findings = ofKind(list, "finding", Finding.class);
              assertEquals(20, findings.size());
              assertTrue(findings.stream().allMatch(f -> f.getStart() == 11 && f.getOperator().equals("replace")));
              List<DeadLetter> letters = ofKind(list, "deadLetter", DeadLetter.class);
              assertEquals(List.of("bad", "unread"), letters.stream().map(DeadLetter::getRecordId).sorted().toList());
              assertEquals(42, list.size(), "every record comes out once, no document unprocessed");
              return null;
            });
    p.run().waitUntilFinish();
  }

  private static <T> List<T> ofKind(List<Tagged> records, String kind, Class<T> type) {
    return records.stream().filter(r -> r.kind().equals(kind)).map(r -> type.cast(r.record())).toList();
  }

  /** A job's tagged record, as simple as a test can have it. */
  record Tagged(String kind, SpecificRecordBase record) implements Serializable {}

  static final class Tagging implements TaggedRecords<Tagged> {
    @Override
    public Tagged document(Document document) {
      return new Tagged("document", document);
    }

    @Override
    public Document documentOf(Tagged record) {
      return record.kind().equals("document") ? (Document) record.record() : null;
    }

    @Override
    public Tagged redacted(RedactedDocument document) {
      return new Tagged("redacted", document);
    }

    @Override
    public Tagged finding(Finding finding) {
      return new Tagged("finding", finding);
    }

    @Override
    public Tagged deadLetter(DeadLetter deadLetter) {
      return new Tagged("deadLetter", deadLetter);
    }
  }

  @Test
  void reportOnlyEmitsFindingsButNoDocumentsAndNeedsNoKeys() {
    // A keyed operator whose key is not set: redaction would fail fast, a report must not.
    Policy policy =
        PolicyLoader.parse(
            """
            entities:
              EMAIL_ADDRESS: {operator: {type: hash, key: pseudonym}}
            keys:
              pseudonym: {env: SLUICE_TEST_KEY_THAT_IS_NOT_SET}
            """,
            "test");
    Pipeline p = pipeline();
    PCollection<Document> docs =
        p.apply(Create.of(doc("a", "mail jane@example.org")).withCoder(AvroCoder.of(Document.class)));
    RedactPii.Result result =
        docs.apply(DetectPii.with(policy)).analyzed().apply(RedactPii.with(policy).reportOnly(true));
    PAssert.that(result.documents()).empty();
    PAssert.that(result.findings())
        .satisfies(
            findings -> {
              Finding f = findings.iterator().next();
              assertEquals("EMAIL_ADDRESS", f.getEntityType());
              assertEquals(null, f.getOperator());
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void windowedInputIsRefused() {
    Pipeline p = pipeline();
    PCollection<Document> docs =
        p.apply(Create.of(doc("a", "x")).withCoder(AvroCoder.of(Document.class)))
            .apply(
                org.apache.beam.sdk.transforms.windowing.Window.into(
                    org.apache.beam.sdk.transforms.windowing.FixedWindows.of(org.joda.time.Duration.standardMinutes(1))));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> docs.apply(DetectPii.with(PolicyLoader.defaultPolicy())));
    assertTrue(e.getMessage().contains("global window"));
  }
}
