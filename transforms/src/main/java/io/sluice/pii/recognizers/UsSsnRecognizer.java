package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.SsnRules;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * US Social Security numbers. Written with one kind of separator (123-45-6789, 123 45 6789) they score
 * 0.5; nine bare digits are very weak (0.05) until context words raise them. Numbers the SSA never
 * issues ({@link SsnRules}) are rejected.
 */
public final class UsSsnRecognizer extends RegexRecognizer {

  public UsSsnRecognizer() {
    super("UsSsnRecognizer", EntityTypes.US_SSN, Set.of("social", "security", "ssn", "ssns", "ssn#", "ss#", "ssid"),
        List.of(ScoredPattern.of("ssn",
            "(?<![0-9A-Za-z-])[0-9]{3}([- .]?)[0-9]{2}\\1[0-9]{4}(?![0-9A-Za-z]|-[0-9])", 0.5)
            .startingLike(StartShape.digitGroups("- .", 3, 2, 4))),
        Candidates.numericChunks(9, 0));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    if (!SsnRules.isValid(match.group())) {
      return null;
    }
    double score = match.group(1).isEmpty() ? 0.05 : pattern.score();
    return detection(match.start(), match.end(), score);
  }
}
