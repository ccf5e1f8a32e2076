package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.Detection;
import io.sluice.policy.Policy;
import io.sluice.policy.Policy.CustomRecognizerSpec;
import io.sluice.policy.Policy.PatternSpec;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The word-start scan of {@link RegexRecognizer} relies on how each built-in pattern opens. */
class WordStartPatternsTest {

  /** "(?<![" then a class holding every ASCII letter and digit, maybe after "(?i)". */
  private static final Pattern OPENING = Pattern.compile("^(?:\\(\\?i\\))?\\(\\?<!\\[(?=[^\\]]*0-9)(?=[^\\]]*A-Z)(?=[^\\]]*a-z)");

  @Test
  void everyBuiltInWordStartPatternRejectsALetterOrDigitBeforeIt() {
    int checked = 0;
    for (String entity : BuiltInRecognizers.entities()) {
      IndexedRecognizer recognizer = BuiltInRecognizers.create(entity, new Policy());
      if (recognizer instanceof RegexRecognizer regex) {
        for (RegexRecognizer.ScoredPattern p : regex.patterns()) {
          assertTrue(p.wordStart(), p.name());
          assertTrue(OPENING.matcher(p.pattern().pattern()).find(), () -> p.name() + ": " + p.pattern().pattern());
          checked++;
        }
      }
    }
    assertTrue(checked > 20, "built-in patterns checked: " + checked);
  }

  @Test
  void userPatternsStillMatchInsideWords() {
    CustomRecognizerSpec spec = new CustomRecognizerSpec();
    spec.name = "ticket";
    spec.entity = "TICKET";
    PatternSpec pattern = new PatternSpec();
    pattern.name = "t";
    pattern.regex = "T-\\d{3}";
    pattern.score = 0.6;
    spec.patterns = List.of(pattern);
    List<Detection> found = new CustomRegexRecognizer(spec).analyze("refXT-123 and T-456");
    assertEquals(List.of(4, 14), found.stream().map(Detection::start).toList());
  }
}
