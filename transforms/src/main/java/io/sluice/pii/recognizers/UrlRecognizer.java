package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * URLs with a scheme (http, https, ftp: 0.6) or starting "www." (0.5). Sentence punctuation after a URL
 * and an unbalanced closing parenthesis ("(see https://x.org/a)") are not part of it.
 */
public final class UrlRecognizer extends RegexRecognizer {

  private static final String TRAILING_PUNCTUATION = ".,;:!?'\"";

  public UrlRecognizer() {
    super("UrlRecognizer", EntityTypes.URL, Set.of("url", "website", "link", "site", "web"),
        List.of(
            ScoredPattern.of("url with scheme", "(?i)(?<![A-Za-z0-9])(?:https?|ftp)://[^\\s<>\"'`{}|\\\\^\\[\\]]+", 0.6),
            ScoredPattern.of("url www", "(?i)(?<![A-Za-z0-9./])www\\.[^\\s<>\"'`{}|\\\\^\\[\\]]+", 0.5)
                .startingLike(StartShape.WWW_DOT)),
        Candidates.tokensWith(TextIndex.URL_MARK, 8));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    int start = match.start();
    int end = match.end();
    while (end > start) {
      char last = text.charAt(end - 1);
      if (TRAILING_PUNCTUATION.indexOf(last) >= 0 || (last == ')' && unbalancedClose(text, start, end))) {
        end--;
      } else {
        break;
      }
    }
    int hostStart = text.indexOf("//", start);
    int minEnd = hostStart >= 0 && hostStart < end ? hostStart + 3 : start + 5;
    return end >= minEnd ? detection(start, end, pattern.score()) : null;
  }

  private static boolean unbalancedClose(String text, int start, int end) {
    int depth = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    return depth < 0;
  }
}
