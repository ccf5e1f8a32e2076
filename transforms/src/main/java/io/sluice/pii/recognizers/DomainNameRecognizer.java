package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.TopLevelDomains;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Host names such as "mail.example.co.uk" whose last label is a known top-level domain
 * ({@link TopLevelDomains}); "file.txt", "e.g." and "Mr.Smith" fail that test. Not the domain part of an
 * e-mail address, which the e-mail recognizer covers.
 */
public final class DomainNameRecognizer extends RegexRecognizer {

  public DomainNameRecognizer() {
    super("DomainNameRecognizer", EntityTypes.DOMAIN_NAME, Set.of("domain", "website", "site", "host", "dns"),
        List.of(ScoredPattern.of("domain",
            "(?<![A-Za-z0-9@._%+-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,24})"
                + "(?![A-Za-z0-9@_-]|\\.[A-Za-z0-9])",
            0.5).startingLike(StartShape.HOST_NAME)),
        Candidates.tokensWith(TextIndex.DOT_LETTER, 4));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    return TopLevelDomains.isKnown(match.group(1)) ? detection(match.start(), match.end(), pattern.score()) : null;
  }
}
