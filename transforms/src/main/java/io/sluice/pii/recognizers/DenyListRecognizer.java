package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy's {@code deny_list}: listed strings are always reported as their entity with score 1.0,
 * wherever they occur as whole words, in any case.
 */
public final class DenyListRecognizer implements Recognizer {

  public static final String NAME = "deny_list";

  private record EntityTerms(String entity, Pattern pattern) {}

  private final List<EntityTerms> terms = new ArrayList<>();

  /** @param denyList entity name to the strings reported as that entity */
  public DenyListRecognizer(Map<String, List<String>> denyList) {
    for (Map.Entry<String, List<String>> entry : denyList.entrySet()) {
      List<String> alternatives = new ArrayList<>();
      for (String term : entry.getValue()) {
        if (term != null && !term.isBlank()) {
          alternatives.add(Pattern.quote(term.strip()));
        }
      }
      if (!alternatives.isEmpty()) {
        // Longest first, so "Project Blue Sky" wins over "Project Blue" where both are listed.
        alternatives.sort((a, b) -> b.length() - a.length());
        String regex = "(?<![\\p{L}\\p{N}_])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}_])";
        terms.add(new EntityTerms(entry.getKey(),
            Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
      }
    }
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> supportedEntities() {
    Set<String> entities = new HashSet<>();
    for (EntityTerms t : terms) {
      entities.add(t.entity());
    }
    return entities;
  }

  @Override
  public List<Detection> analyze(String text) {
    List<Detection> out = new ArrayList<>();
    for (EntityTerms t : terms) {
      Matcher m = t.pattern().matcher(text);
      while (m.find()) {
        out.add(new Detection(t.entity(), m.start(), m.end(), 1.0, NAME));
      }
    }
    return out;
  }
}
