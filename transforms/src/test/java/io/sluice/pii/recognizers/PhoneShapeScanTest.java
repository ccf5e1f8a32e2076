package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The phone recognizer tries its shape regex only where a match can start; it must find what find() finds. */
class PhoneShapeScanTest {

  /** Separators the shape accepts, more often than the chars that end or block it. */
  private static final String[] PIECES =
      {" ", " ", " ", "-", "-", ".", "(", ")", "+", "  ", ":", "/", "a", "Tel ", "\n", "é"};

  @Test
  void findsTheMatchesOfFindInEveryRegion() {
    Random random = new Random(11);
    int matches = 0;
    for (int t = 0; t < 3000; t++) {
      String text = randomText(random, 2 + random.nextInt(14));
      boolean whole = random.nextBoolean();
      int from = whole ? 0 : random.nextInt(text.length());
      int to = whole ? text.length() : from + random.nextInt(text.length() - from + 1);
      List<String> expected = new ArrayList<>();
      Matcher find = PhoneRecognizer.SHAPE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      find.region(from, to);
      while (find.find()) {
        expected.add(find.start() + "-" + find.end());
      }
      List<String> scanned = new ArrayList<>();
      Matcher scan = PhoneRecognizer.SHAPE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      for (int at = PhoneRecognizer.nextShape(scan, text, from, to); at >= 0;
          at = PhoneRecognizer.nextShape(scan, text, scan.end(), to)) {
        scanned.add(scan.start() + "-" + scan.end());
      }
      assertEquals(expected, scanned, "'" + text + "' in [" + from + ", " + to + ")");
      matches += expected.size();
    }
    assertTrue(matches > 500, "too few matches to compare: " + matches);
  }

  private static String randomText(Random random, int pieces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      if (random.nextBoolean()) {
        int digits = 1 + random.nextInt(random.nextInt(10) < 8 ? 4 : 8);
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
