package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.TopLevelDomains;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * E-mail addresses, looked for only in tokens holding an '@'. A known top-level domain makes the match
 * certain (1.0); an unknown one (an intranet "corp.local") keeps the base score.
 */
public final class EmailRecognizer extends RegexRecognizer {

  private static final double BASE_SCORE = 0.5;

  public EmailRecognizer() {
    super("EmailRecognizer", EntityTypes.EMAIL_ADDRESS, Set.of("email", "mail", "e-mail", "contact"),
        List.of(ScoredPattern.of("email",
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                + "([A-Za-z]{2,24})(?![A-Za-z0-9_-])",
            BASE_SCORE)),
        Candidates.tokensWith(TextIndex.AT, 6));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    double score = TopLevelDomains.isKnown(match.group(1)) ? 1.0 : pattern.score();
    return detection(match.start(), match.end(), score);
  }
}
