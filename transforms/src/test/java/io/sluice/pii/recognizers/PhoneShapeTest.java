package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The phone recognizer's hand-written shape scan must find what the shape regex finds. */
class PhoneShapeTest {

  /** The regex {@link PhoneShape} replaces, as its Javadoc gives it. */
  private static final Pattern SHAPE = Pattern.compile(
      "(?<![0-9A-Za-z+.:/-])\\+?\\(?[0-9]{1,5}+\\)?(?:[ .-]?\\(?[0-9]{1,5}+\\)?){1,6}+(?![0-9A-Za-z]|[ .:/-][0-9])");

  /** Separators the shape accepts, more often than the chars that end or block it. */
  private static final String[] PIECES =
      {" ", " ", " ", "-", "-", ".", "(", ")", "+", "  ", ":", "/", "a", "Tel ", "\n", "é", "x", "(0)"};

  @Test
  void findsPhoneShapedRuns() {
    assertEquals(List.of("(415) 555-2671"), shapes("call (415) 555-2671 now", 0, 24));
    assertEquals(List.of("+44 20 7946 0958"), shapes("Tel: +44 20 7946 0958.", 0, 22));
    assertEquals(List.of("020.7946.0958"), shapes("020.7946.0958", 0, 13));
    assertEquals(List.of("4155552671"), shapes("4155552671", 0, 10), "digit runs split into groups of five");
    assertEquals(List.of("2024-03-05"), shapes("on 2024-03-05, ok", 0, 17), "any digit groups: dates too");
  }

  @Test
  void rejectsRunsThatBelongToSomethingElse() {
    assertEquals(List.of(), shapes("ab4155552671", 0, 12), "a letter before");
    assertEquals(List.of(), shapes("4155552671ab", 0, 12), "a letter after");
    assertEquals(List.of(), shapes("v1.415.555.2671", 0, 15), "a dot before");
    assertEquals(List.of(), shapes("12345", 0, 5), "one group");
    assertEquals(List.of("555 2671 1234 5678 9012 3456 7890"), shapes("415 555 2671 1234 5678 9012 3456 7890", 0, 37),
        "eight groups: seven stop before a separator and a digit, so only the last seven are a shape");
    assertEquals(List.of(), shapes("415-555-2671", 0, 6), "the run goes on past the region: a digit after");
  }

  @Test
  void findsWhatTheRegexFindsInEveryRegion() {
    Random random = new Random(11);
    int matches = 0;
    for (int t = 0; t < 5000; t++) {
      String text = randomText(random, 2 + random.nextInt(16));
      boolean whole = random.nextBoolean();
      int from = whole ? 0 : random.nextInt(text.length());
      int to = whole ? text.length() : from + random.nextInt(text.length() - from + 1);
      List<String> expected = new ArrayList<>();
      Matcher find = SHAPE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      find.region(from, to);
      while (find.find()) {
        expected.add(find.group());
      }
      assertEquals(expected, shapes(text, from, to), "'" + text + "' in [" + from + ", " + to + ")");
      matches += expected.size();
    }
    assertTrue(matches > 1000, "too few matches to compare: " + matches);
  }

  /** The shapes in {@code [from, to)}, scanned as the phone recognizer scans a numeric chunk. */
  private static List<String> shapes(String text, int from, int to) {
    List<String> out = new ArrayList<>();
    int at = from;
    while (at < to) {
      int end = PhoneShape.endOfShapeAt(text, at, to);
      if (end < 0) {
        at++;
      } else {
        out.add(text.substring(at, end));
        at = end;
      }
    }
    return out;
  }

  private static String randomText(Random random, int pieces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      if (random.nextBoolean()) {
        int digits = 1 + random.nextInt(random.nextInt(10) < 8 ? 5 : 12);
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
