package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchStartsTest {

  @Test
  void startsAreTheFirstCharsTheRegexAccepts() {
    MatchStarts starts = new MatchStarts(Pattern.compile("(?<![0-9A-Za-z])(?:[0-9]{3}|ab|\\(x)"));
    assertTrue(starts.mayStartWith('7'));
    assertTrue(starts.mayStartWith('a'));
    assertTrue(starts.mayStartWith('('));
    assertFalse(starts.mayStartWith('b'));
    assertFalse(starts.mayStartWith(' '));
    assertTrue(starts.mayStartWith('é'), "outside ASCII: always tried");
  }

  @Test
  void caseInsensitiveRegexesStartWithEitherCase() {
    MatchStarts starts = new MatchStarts(Pattern.compile("(?i)(?<![A-Za-z0-9])(?:https?|ftp)://"));
    assertTrue(starts.mayStartWith('H'));
    assertTrue(starts.mayStartWith('f'));
    assertFalse(starts.mayStartWith('w'));
  }
}
