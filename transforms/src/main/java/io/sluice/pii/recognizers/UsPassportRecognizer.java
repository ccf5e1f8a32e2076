package io.sluice.pii.recognizers;

import io.sluice.pii.EntityTypes;
import java.util.List;
import java.util.Set;

/**
 * US passport numbers: nine digits (0.05) or a letter and eight digits, the next-generation book (0.1).
 * Both shapes are common in other numbers, so only context words make them reportable.
 */
public final class UsPassportRecognizer extends RegexRecognizer {

  public UsPassportRecognizer() {
    super("UsPassportRecognizer", EntityTypes.US_PASSPORT,
        Set.of("us", "united", "states", "passport", "passport#", "travel", "document"),
        List.of(
            ScoredPattern.of("passport digits", "(?<![0-9A-Za-z-])[0-9]{9}(?![0-9A-Za-z]|-[0-9])", 0.05)
                .startingLike(StartShape.digitGroups("", 9)),
            ScoredPattern.of("passport next generation", "(?<![0-9A-Za-z-])[A-Z][0-9]{8}(?![0-9A-Za-z]|-[0-9])", 0.1)),
        Candidates.digitRuns(8, 1, 0));
  }
}
