package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.pii.Detection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deny list tries its regex only where a term's first char occurs; these pin that it finds the same. */
class DenyListRecognizerTest {

  private static List<String> found(Map<String, List<String>> denyList, String text) {
    return new DenyListRecognizer(denyList).analyze(text).stream()
        .map(d -> d.entityType() + ":" + text.substring(d.start(), d.end()) + "@" + d.start())
        .toList();
  }

  @Test
  void findsTermsInAnyCaseIncludingUnicodeFoldsOnlyAsWholeWords() {
    Map<String, List<String>> deny = Map.of("ORG", List.of("Ärger AG", "istanbul"));
    assertEquals(List.of("ORG:ärger ag@0", "ORG:İSTANBUL@13"), found(deny, "ärger ag and İSTANBUL, not xÄrger AG"));
  }

  @Test
  void findsAdjacentAndRepeatedTermsAfterAMiss() {
    Map<String, List<String>> deny = Map.of("CODE", List.of("ab", "abc"));
    assertEquals(List.of("CODE:abc@5", "CODE:AB@9"), found(deny, "abab abc AB abx"));
  }

  @Test
  void findsTermsAfterEmojiAndTermsStartingOutsideTheBmp() {
    Map<String, List<String>> deny = Map.of("NAME", List.of("\uD835\uDD38lpha", "Orion"));
    String text = "\uD83D\uDE00 orion \uD835\uDD38lpha \uD835\uDD38lphabet";
    assertEquals(List.of("NAME:orion@3", "NAME:\uD835\uDD38lpha@9"), found(deny, text));
  }

  @Test
  void findsNothingWhenNoTermOccurs() {
    Map<String, List<String>> deny = Map.of("ORG", List.of("Initech"));
    assertEquals(List.of(), found(deny, "Initechs and initiatives, no match here"));
    assertEquals(List.<Detection>of(), new DenyListRecognizer(deny).analyze(""));
  }

  @Test
  void findsTheSameWhetherTermsStartWithFewOrManyDistinctChars() {
    String text = "Initech met Globex Corporation; initechs, xInitech and INITECH stayed.";
    List<String> expected = List.of("ORG:Initech@0", "ORG:Globex Corporation@12", "ORG:INITECH@55");
    // Two start chars: indexOf per start char. Twelve: one pass with a look-up per char.
    assertEquals(expected, found(Map.of("ORG", List.of("Initech", "Globex Corporation")), text));
    assertEquals(expected, found(Map.of("ORG", List.of("Initech", "Globex Corporation", "alpha", "bravo", "delta",
        "echo", "hotel", "juliet", "kilo", "lima", "mike", "nova")), text));
  }
}
