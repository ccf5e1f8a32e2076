package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.policy.Policy;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class StartShapeTest {

  /** One match of each shaped pattern at least. */
  private static final String[] EXAMPLES = {"10.0.0.1", "00:1A:2B:3C:4D:5E", "0011.22aa.44FF", "123-45-6789",
      "943 476 5919", "D1234567", "1234567AB", "12AB3456", "2024-03-05T14:30Z", "5/3/2024", "2024/03/05", "14:30",
      "mail.example.co.uk", "e.g.@example.org"};

  /** Pieces that the shaped patterns are made of: separators, hex and other letters, month and meridiem letters. */
  private static final String[] PIECES = {".", ":", "-", "/", " ", "aF", "e3", "A", "Z", "DL", "pm", "@", "_", "com",
      "uk"};
  /**
   * A shape may only reject positions where its regex cannot match: on random texts of digit runs,
   * separators and letters, every position where a shaped pattern matches must pass its shape.
   */
  @Test
  void shapesNeverRejectAPositionWhereTheirRegexMatches() {
    Random random = new Random(7);
    int shaped = 0;
    int matchesSeen = 0;
    for (String entity : BuiltInRecognizers.entities()) {
      if (!(BuiltInRecognizers.create(entity, new Policy()) instanceof RegexRecognizer recognizer)) {
        continue;
      }
      for (RegexRecognizer.ScoredPattern pattern : recognizer.patterns()) {
        if (pattern.shape() == null) {
          continue;
        }
        shaped++;
        Matcher m = pattern.pattern().matcher("").useTransparentBounds(true).useAnchoringBounds(false);
        int before = matchesSeen;
        for (int t = 0; t < EXAMPLES.length + 1000; t++) {
          String text = t < EXAMPLES.length ? EXAMPLES[t] : randomText(random, 3 + random.nextInt(12));
          m.reset(text);
          for (int at = 0; at < text.length(); at++) {
            m.region(at, text.length());
            if (m.lookingAt() && m.end() > at) {
              matchesSeen++;
              assertTrue(pattern.shape().mayMatchAt(text, at),
                  pattern.name() + " matches at " + at + " of '" + text + "' but its shape rejects it");
            }
          }
        }
        assertTrue(matchesSeen > before, pattern.name() + " matched none of the texts");
      }
    }
    assertTrue(shaped >= 9, "shaped patterns found: " + shaped);
    assertTrue(matchesSeen > 100, "too few matches to test the shapes: " + matchesSeen);
  }

  @Test
  void shapesRejectTheCommonNearMisses() {
    assertFalse(StartShape.IPV4.mayMatchAt("555-0100", 0));
    assertFalse(StartShape.IPV4.mayMatchAt("1234.5.6.7", 0));
    assertTrue(StartShape.IPV4.mayMatchAt("10.0.0.1", 0));
    assertFalse(StartShape.HOUR_COLON.mayMatchAt("2024", 0));
    assertTrue(StartShape.HOUR_COLON.mayMatchAt("9:30", 0));
    assertFalse(StartShape.LICENSE.mayMatchAt("1234A", 0));
    assertTrue(StartShape.LICENSE.mayMatchAt("1234567AB", 0));
    assertTrue(StartShape.LICENSE.mayMatchAt("D1234567", 0));
    assertFalse(StartShape.THREE_DIGITS_THEN_DIGIT.mayMatchAt("123-", 0));
    assertFalse(StartShape.HOST_NAME.mayMatchAt("alice.smith@example.com", 0));
    assertFalse(StartShape.HOST_NAME.mayMatchAt("https://example.com", 0));
    assertFalse(StartShape.HOST_NAME.mayMatchAt("alice.smith@example.com", 12));
    assertTrue(StartShape.HOST_NAME.mayMatchAt("mail to example.com", 8));
    assertTrue(StartShape.HOST_NAME.mayMatchAt("see e.g.@home", 4));
  }

  /** Digit runs of 1 to 10 digits mixed with {@link #PIECES}, so that every shaped pattern matches often. */
  private static String randomText(Random random, int pieces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      if (random.nextBoolean()) {
        int digits = random.nextInt(10) < 8 ? 1 + random.nextInt(4) : 1 + random.nextInt(10);
        for (int d = 0; d < digits; d++) {
          out.append((char) ('0' + random.nextInt(10)));
        }
      } else {
        out.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return out.toString();
  }
}
