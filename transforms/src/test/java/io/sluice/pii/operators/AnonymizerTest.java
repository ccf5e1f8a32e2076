package io.sluice.pii.operators;

import static io.sluice.pii.operators.Policies.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnonymizerTest {
  private final Anonymizer replacing = Anonymizer.fromPolicy(new Policy(), KeyRing.empty());

  private static Detection at(String text, String value, String entity) {
    int start = text.indexOf(value);
    return new Detection(entity, start, start + value.length(), 0.9, "test");
  }

  @Test
  void rewritesEachSpanAndReportsTheOperatorPerDetection() {
    String text = "Mail jane@example.org or call 415-555-0100.";
    AnonymizedText out = replacing.anonymize(text, List.of(
        at(text, "jane@example.org", "EMAIL_ADDRESS"), at(text, "415-555-0100", "PHONE_NUMBER")));
    assertEquals("Mail <EMAIL_ADDRESS> or call <PHONE_NUMBER>.", out.text());
    assertEquals(List.of("replace", "replace"), out.operatorPerDetection());
  }

  @Test
  void noDetectionsLeavesTheTextAlone() {
    assertEquals("nothing here", replacing.anonymize("nothing here", List.of()).text());
  }

  @Test
  void emojiAndOtherNonBmpTextBeforeTheEntityKeepOffsetsRight() {
    String text = "👋🏽 hi 𝔘𝔫𝔦 jane@example.org 🎉 bye";
    Detection email = at(text, "jane@example.org", "EMAIL_ADDRESS");
    AnonymizedText out = replacing.anonymize(text, List.of(email));
    assertEquals("👋🏽 hi 𝔘𝔫𝔦 <EMAIL_ADDRESS> 🎉 bye", out.text());
    // The code-point offset of the span (the output contract) is not the char offset here.
    CodePoints points = new CodePoints(text);
    assertEquals(10, points.toCodePoint(email.start()));
    assertEquals(15, email.start());
  }

  @Test
  void anOverlappingDetectionIsSkippedNotApplied() {
    String text = "card 4111 1111 1111 1111 end";
    Detection card = at(text, "4111 1111 1111 1111", "CREDIT_CARD");
    Detection inside = new Detection("US_BANK_NUMBER", card.start() + 5, card.end(), 0.5, "test");
    AnonymizedText out = replacing.anonymize(text, List.of(card, inside));
    assertEquals("card <CREDIT_CARD> end", out.text());
    assertEquals(List.of("replace", Anonymizer.SKIPPED), out.operatorPerDetection());
  }

  @Test
  void unsortedDetectionsAreAppliedAndReportedInInputOrder() {
    Policy policy = Policies.with(spec("redact"), "PHONE_NUMBER");
    Anonymizer anonymizer = Anonymizer.fromPolicy(policy, KeyRing.empty());
    String text = "a@b.co then 415-555-0100";
    AnonymizedText out = anonymizer.anonymize(text, List.of(
        at(text, "415-555-0100", "PHONE_NUMBER"), at(text, "a@b.co", "EMAIL_ADDRESS")));
    assertEquals("<EMAIL_ADDRESS> then ", out.text());
    assertEquals(List.of("redact", "replace"), out.operatorPerDetection());
  }

  @Test
  void spansOutsideTheTextOrSplittingAnEmojiAreSkipped() {
    String text = "x😀y";
    AnonymizedText out = replacing.anonymize(text, List.of(
        new Detection("AGE", 2, 4, 0.9, "test"), // starts inside the emoji's surrogate pair
        new Detection("AGE", 3, 9, 0.9, "test"))); // runs past the end
    assertEquals(text, out.text());
    assertEquals(List.of(Anonymizer.SKIPPED, Anonymizer.SKIPPED), out.operatorPerDetection());
  }

  @Test
  void oneInstanceServesManyThreadsWithTheSameResults() {
    Policy policy = Policies.with(spec("surrogate"), "CREDIT_CARD", "PERSON", "PHONE_NUMBER");
    policy.entities.get("PERSON").operator = spec("hash");
    Anonymizer anonymizer = Policies.anonymizer(policy, Policies.ENV);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add("Jane Doe " + i + " paid with 4111 1111 1111 " + String.format("%04d", i) + " from +1 415 555 " + (1000 + i));
    }
    List<String> sequential = texts.stream().map(t -> anonymize(anonymizer, t)).toList();
    ConcurrentHashMap<Integer, String> parallel = new ConcurrentHashMap<>();
    IntStream.range(0, texts.size()).parallel().forEach(i -> parallel.put(i, anonymize(anonymizer, texts.get(i))));
    IntStream.range(0, texts.size()).forEach(i -> assertEquals(sequential.get(i), parallel.get(i)));
  }

  private static String anonymize(Anonymizer anonymizer, String text) {
    String card = text.substring(text.indexOf("4111"), text.indexOf(" from"));
    String phone = text.substring(text.indexOf("+1"));
    return anonymizer.anonymize(text, List.of(at(text, "Jane Doe", "PERSON"), at(text, card, "CREDIT_CARD"),
        at(text, phone, "PHONE_NUMBER"))).text();
  }
}
