package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.ItinRules;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * US ITINs: 9xx-xx-xxxx within the IRS group ranges ({@link ItinRules}); 0.5 with separators, 0.3 as
 * nine bare digits.
 */
public final class UsItinRecognizer extends RegexRecognizer {

  public UsItinRecognizer() {
    super("UsItinRecognizer", EntityTypes.US_ITIN,
        Set.of("individual", "taxpayer", "itin", "tax", "payer", "taxid", "tin"),
        List.of(ScoredPattern.of("itin",
            "(?<![0-9A-Za-z-])9[0-9]{2}([- ]?)[0-9]{2}\\1[0-9]{4}(?![0-9A-Za-z]|-[0-9])", 0.5)
            .startingLike(StartShape.digitGroups("- ", 3, 2, 4))),
        Candidates.numericChunks(9, 0));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    if (!ItinRules.isValid(match.group())) {
      return null;
    }
    double score = match.group(1).isEmpty() ? 0.3 : pattern.score();
    return detection(match.start(), match.end(), score);
  }
}
