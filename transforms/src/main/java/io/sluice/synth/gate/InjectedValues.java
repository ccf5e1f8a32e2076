package io.sluice.synth.gate;

import io.sluice.schemas.InjectedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values a generator put into one record on purpose, and whether a PII finding is one of them.
 *
 * <p>Compared after normalisation ({@link TextTokens}: case, punctuation and spacing do not count), a finding is
 * injected when its words can be covered by runs of consecutive words of injected values (a name found inside an
 * injected address, a first and a last name injected separately, a phone number found without its country code),
 * or when its letters and digits equal an injected value's (a card number written without the spaces it was
 * injected with). The entity type is not compared: a recognizer may see an injected organisation as a location.
 */
final class InjectedValues {
  private final List<long[]> tokens = new ArrayList<>();
  private final List<String> compact = new ArrayList<>();

  InjectedValues(List<InjectedValue> injected) {
    for (InjectedValue value : injected) {
      long[] words = TextTokens.hashes(value.getValue());
      if (words.length > 0) {
        tokens.add(words);
        compact.add(compact(value.getValue()));
      }
    }
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** Whether the covered text of a finding is (made of) injected values. */
  boolean covers(String found) {
    long[] words = TextTokens.hashes(found);
    if (words.length == 0 || tokens.isEmpty()) {
      return false;
    }
    return coveredByRuns(words) || compact.contains(compact(found));
  }

  /** Dynamic programme over the finding's words: can [0, i) be split into runs each inside one injected value? */
  private boolean coveredByRuns(long[] words) {
    boolean[] reachable = new boolean[words.length + 1];
    reachable[0] = true;
    for (int from = 0; from < words.length; from++) {
      if (!reachable[from]) {
        continue;
      }
      for (long[] value : tokens) {
        for (int start = 0; start < value.length; start++) {
          int length = 0;
          while (from + length < words.length && start + length < value.length
              && words[from + length] == value[start + length]) {
            length++;
            reachable[from + length] = true;
          }
        }
      }
    }
    return reachable[words.length];
  }

  private static String compact(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
