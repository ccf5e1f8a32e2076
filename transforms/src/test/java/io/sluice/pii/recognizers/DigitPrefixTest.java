package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DigitPrefixTest {

  @Test
  void plainDigitsArePrefixesAsWritten() {
    DigitPrefix exitCode = DigitPrefix.of("011");
    assertEquals(3, exitCode.lengthIn("011442079460958"));
    assertTrue(exitCode.startsWith("0114"));
    assertFalse(exitCode.startsWith("01"), "shorter than the prefix");
    assertFalse(exitCode.startsWith("4155552671"));
  }

  @Test
  void regexRulesFindTheirLongestPrefix() {
    DigitPrefix carrier = DigitPrefix.of("0(?:(1\\d{3})|2)?");
    assertEquals(5, carrier.lengthIn("012345678"), "a carrier code after the national prefix");
    assertEquals(2, carrier.lengthIn("0298765"));
    assertEquals(1, carrier.lengthIn("0398765"));
    assertEquals(-1, carrier.lengthIn("398765"));
  }

  @Test
  void aPlanWithoutTheRuleHasNone() {
    assertNull(DigitPrefix.of(""));
  }

  /** The rules of real numbering plans, literal or not, against lookingAt on random digit strings. */
  @Test
  void agreesWithLookingAt() {
    Random random = new Random(3);
    for (String rule : List.of("011", "00", "0", "1", "8~10", "0(?:(1\\d{3})|2)?", "([457]\\d{6})$|1", "00|810")) {
      DigitPrefix prefix = DigitPrefix.of(rule);
      Pattern pattern = Pattern.compile(rule);
      for (int i = 0; i < 2000; i++) {
        StringBuilder digits = new StringBuilder();
        int length = random.nextInt(12);
        for (int d = 0; d < length; d++) {
          digits.append((char) ('0' + random.nextInt(random.nextBoolean() ? 2 : 10)));
        }
        Matcher matcher = pattern.matcher(digits);
        int expected = matcher.lookingAt() ? matcher.end() : -1;
        assertEquals(expected, prefix.lengthIn(digits.toString()), rule + " on " + digits);
      }
    }
  }
}
