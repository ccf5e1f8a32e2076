package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    assertEquals(expected, found(Map.of("ORG", List.of("Initech", "Globex Corporation")), text));
    assertEquals(expected, found(Map.of("ORG", List.of("Initech", "Globex Corporation", "alpha", "bravo", "delta",
        "echo", "hotel", "juliet", "kilo", "lima", "mike", "nova")), text));
  }

  /**
   * The candidate scan may skip only positions where the terms' regex cannot match: on random texts of
   * term pieces, word chars (ASCII and not), separators and an emoji, the recognizer finds exactly what
   * the regex's own find() finds over the whole text. (After a letter outside the BMP the two differ, as
   * they did before this scan: the recognizer takes the letter as a word char, the regex's lookbehind sees
   * only its low surrogate.)
   */
  @Test
  void findsWhatTheRegexFindsOnRandomTexts() {
    String[] pieces = {"Initech", "initech", "INITECH", "Ini", "Globex Corporation", "globex  corporation", "in",
        "g", "I", "\u0130nitech", "\u0131", " ", "  ", "_", "-", "(", "x", "9", "\u00e9", "\u2014", "\ud83d\ude00", ".",
        "\n", "\u00a0"};
    Pattern regex = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:Globex Corporation|Initech)(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    DenyListRecognizer recognizer = new DenyListRecognizer(Map.of("ORG", List.of("Initech", "Globex Corporation")));
    Random random = new Random(11);
    int matches = 0;
    for (int t = 0; t < 3000; t++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(12); p >= 0; p--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      List<Integer> expected = new ArrayList<>();
      Matcher m = regex.matcher(text);
      while (m.find()) {
        expected.add(m.start());
        expected.add(m.end());
      }
      List<Integer> actual = new ArrayList<>();
      for (Detection d : recognizer.analyze(text.toString())) {
        actual.add(d.start());
        actual.add(d.end());
      }
      assertEquals(expected, actual, text.toString());
      matches += expected.size() / 2;
    }
    assertTrue(matches > 500, "too few matches to compare: " + matches);
  }
}
