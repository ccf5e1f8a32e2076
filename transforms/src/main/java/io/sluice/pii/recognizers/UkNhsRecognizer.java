package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.NhsChecksum;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** UK NHS numbers (3-3-4 digits, spaced, dashed or compact); certain when the mod-11 digit is right. */
public final class UkNhsRecognizer extends RegexRecognizer {

  public UkNhsRecognizer() {
    super("UkNhsRecognizer", EntityTypes.UK_NHS,
        Set.of("national health service", "nhs", "health services authority", "health authority", "patient"),
        List.of(ScoredPattern.of("nhs",
            "(?<![0-9A-Za-z-])[0-9]{3}([- ]?)[0-9]{3}\\1[0-9]{4}(?![0-9A-Za-z]|-[0-9])", 0.5)
            .startingLike(StartShape.digitGroups("- ", 3, 3, 4))),
        Candidates.numericChunks(10, 0));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    return NhsChecksum.isValid(match.group()) ? detection(match.start(), match.end(), 1.0) : null;
  }
}
