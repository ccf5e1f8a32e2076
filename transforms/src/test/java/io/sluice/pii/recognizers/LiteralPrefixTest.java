package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.Detection;
import io.sluice.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Custom regexes that start with plain text are tried only where it occurs; they must find what find() finds. */
class LiteralPrefixTest {

  @Test
  void takesThePlainTextBeforeTheFirstMetacharOrQuantifiedChar() {
    assertEquals("EMP-", LiteralPrefix.of(Pattern.compile("EMP-\\d{6}")));
    assertEquals("ca", LiteralPrefix.of(Pattern.compile("cat?s")));
    assertEquals("ab ", LiteralPrefix.of(Pattern.compile("ab [0-9]+")));
    assertNull(LiteralPrefix.of(Pattern.compile("a*b")));
    assertNull(LiteralPrefix.of(Pattern.compile("(?i)EMP-\\d+")));
    assertNull(LiteralPrefix.of(Pattern.compile("EMP-\\d+|STAFF-\\d+")));
    assertNull(LiteralPrefix.of(Pattern.compile("\\bEMP")));
    assertNull(LiteralPrefix.of(Pattern.compile("emp", Pattern.CASE_INSENSITIVE)));
  }

  private static final String[] REGEXES = {"EMP-\\d{2,4}", "ab?c", "aa(?!b)", "a[ab]*b", "ba(?<=ba)b?", "a\\b"};
  private static final String[] PIECES = {"a", "b", "c", "aa", "EMP-", "12", "3", " ", "-"};

  @Test
  void findsWhatFindFindsOnRandomTexts() {
    Random random = new Random(5);
    int matches = 0;
    for (String regex : REGEXES) {
      CustomRegexRecognizer recognizer = new CustomRegexRecognizer(spec(regex));
      Pattern pattern = Pattern.compile(regex);
      for (int t = 0; t < 500; t++) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
          text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        List<String> expected = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          expected.add(m.start() + "-" + m.end());
        }
        List<Detection> found = new ArrayList<>();
        recognizer.analyze(TextIndex.of(text.toString()), found);
        List<String> spans = found.stream().map(d -> d.start() + "-" + d.end()).toList();
        assertEquals(expected, spans, regex + " in '" + text + "'");
        matches += expected.size();
      }
    }
    assertTrue(matches > 500, "too few matches to compare: " + matches);
  }

  private static Policy.CustomRecognizerSpec spec(String regex) {
    Policy.PatternSpec pattern = new Policy.PatternSpec();
    pattern.name = "p";
    pattern.regex = regex;
    Policy.CustomRecognizerSpec spec = new Policy.CustomRecognizerSpec();
    spec.name = "custom";
    spec.entity = "CUSTOM";
    spec.patterns.add(pattern);
    return spec;
  }
}
