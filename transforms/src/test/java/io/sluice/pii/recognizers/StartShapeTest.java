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
      "943 476 5919", "912 78 1234", "123456789", "D1234567", "1234567AB", "12AB3456", "2024-03-05T14:30Z", "5/3/2024",
      "2024/03/05", "14:30", "mail.example.co.uk", "e.g.@example.org", "fe80::1", "4111 1111-1111 1111",
      "DE89 3704 0044 0532 0130 00", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
      "Tue, March 5, 2024", "SEPT 2024", "5th of march 2024", "Sunday 5 Mar", "9am", "10 p.m.", "WWW.example.org"};

  /** Pieces that the shaped patterns are made of: separators, hex and other letters, month and meridiem letters. */
  private static final String[] PIECES = {".", ":", "-", "/", " ", "aF", "e3", "A", "Z", "DL", "pm", "@", "_", "com",
      "uk", ",", "\t", "\u00a0", "Mar", "sept", "TUE", "day", "of", "a.m.", "P", "www.", "WWW", "bc1", "BC1", "th"};
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
    assertTrue(shaped >= 22, "shaped patterns found: " + shaped);
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
    StartShape ssn = StartShape.digitGroups("- .", 3, 2, 4);
    assertTrue(ssn.mayMatchAt("123-45-6789", 0));
    assertTrue(ssn.mayMatchAt("123456789", 0));
    assertFalse(ssn.mayMatchAt("123-45 6789", 0), "two kinds of separator");
    assertFalse(ssn.mayMatchAt("4111-1111-1111-1111", 0));
    assertFalse(ssn.mayMatchAt("1234567890", 0), "a digit after the last group");
    assertFalse(StartShape.DAY_AND_MONTH.mayMatchAt("2024-03-05", 5), "the day and month of an ISO date");
    assertFalse(StartShape.DAY_AND_MONTH.mayMatchAt("10.123.45.6", 0));
    assertTrue(StartShape.DAY_AND_MONTH.mayMatchAt("5/3/24", 0));
    assertFalse(StartShape.ISO_DATE.mayMatchAt("4111-1111-1111", 0));
    assertFalse(StartShape.YEAR_SLASH_OR_DOT.mayMatchAt("2024-03-05", 0));
    assertFalse(StartShape.HOUR_COLON.mayMatchAt("10:30:45", 3), "seconds after a colon");
    assertFalse(StartShape.HOUR_MERIDIEM.mayMatchAt("9a b", 0));
    assertTrue(StartShape.HOUR_MERIDIEM.mayMatchAt("9\tP.M.", 0));
    assertTrue(StartShape.WEEKDAY_OR_MONTH.mayMatchAt("on Tuesday", 3));
    assertFalse(StartShape.WEEKDAY_OR_MONTH.mayMatchAt("on Tuesday", 0));
    assertFalse(StartShape.WEEKDAY_OR_MONTH.mayMatchAt("\u2014 March", 0));
    assertFalse(StartShape.WEEKDAY_OR_DAY.mayMatchAt("March", 0));
    assertFalse(StartShape.CARD_DIGITS.mayMatchAt("1234:5678:9012:3456", 0));
    assertFalse(StartShape.CARD_DIGITS.mayMatchAt("1234  5678 9012 3456", 0), "two spaces");
    assertFalse(StartShape.COUNTRY_AND_CHECK_DIGITS.mayMatchAt("SSN: 123", 0));
    assertFalse(StartShape.BASE58_ADDRESS.mayMatchAt("1BvBMSEYstWetqTFn5Au4m4GF0g7xJaNVN2", 0), "a zero");
    assertFalse(StartShape.BECH32_PREFIX.mayMatchAt("bC1qar0srrr7xfkvy5l643lydnw9re", 0));
    assertFalse(StartShape.TWO_HEX_GROUPS.mayMatchAt("host:8080/x", 5), "a port");
    assertFalse(StartShape.TWO_HEX_GROUPS.mayMatchAt("12345::1", 0), "five hex digits");
    assertFalse(StartShape.WWW_DOT.mayMatchAt("a-wolff.name", 2));
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
