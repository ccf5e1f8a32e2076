package io.sluice.pii.recognizers;

import io.sluice.policy.Policy.CustomRecognizerSpec;
import io.sluice.policy.Policy.PatternSpec;
import io.sluice.policy.PolicyException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regex recognizer declared by the user under {@code custom_recognizers:}; runs over the whole text. */
public final class CustomRegexRecognizer extends RegexRecognizer {

  public CustomRegexRecognizer(CustomRecognizerSpec spec) {
    super(spec.name, spec.entity, lowerCased(spec.context), patterns(spec), Candidates.wholeText());
  }

  private static List<ScoredPattern> patterns(CustomRecognizerSpec spec) {
    if (spec.name == null || spec.entity == null || spec.patterns.isEmpty()) {
      throw new PolicyException("custom recognizer '" + spec.name + "' needs a name, an entity and at least one pattern");
    }
    List<ScoredPattern> patterns = new ArrayList<>();
    for (PatternSpec p : spec.patterns) {
      if (p.score < 0 || p.score > 1) {
        throw new PolicyException("custom recognizer '" + spec.name + "', pattern '" + p.name + "': score must be in [0, 1]");
      }
      try {
        patterns.add(ScoredPattern.anywhere(p.name, Pattern.compile(p.regex), p.score));
      } catch (PatternSyntaxException | NullPointerException e) {
        throw new PolicyException("custom recognizer '" + spec.name + "', pattern '" + p.name + "': invalid regex", e);
      }
    }
    return patterns;
  }

  private static Set<String> lowerCased(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(w.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
