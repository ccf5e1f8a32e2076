package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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

  /**
   * One entity's terms as one regex, and the case-folded first chars of the terms (null when one starts
   * outside the BMP): the regex can only match where the text has one of them, so only those positions
   * are tried instead of every char.
   */
  private static final class EntityTerms {
    private final String entity;
    private final Pattern pattern;
    private final char[] firstChars;
    /** firstChars tested for every char once, so the scan does one lookup per char of a text. */
    private final BitSet starts = new BitSet(Character.MAX_VALUE + 1);
    /**
     * Every char whose case folding is a first char ("i", "I", "\u0130", "\u0131" for "Initech"), when there
     * are at most {@link #MAX_SCAN_CHARS} of them; else null.
     */
    private final char[] scanChars;

    /**
     * Per prefix length 1 to {@link #PREFIX}: the case-folded prefixes of the terms that long, packed by
     * {@link #prefixKey}, sorted; null when no term has one. A term contributes its first chars up to
     * the first surrogate, whose case folding the regex does per code point.
     */
    private final long[][] prefixes = new long[PREFIX + 1][];

    EntityTerms(String entity, Pattern pattern, char[] firstChars, List<String> stripped) {
      this.entity = entity;
      this.pattern = pattern;
      this.firstChars = firstChars;
      for (int c = 0; c <= Character.MAX_VALUE && firstChars != null; c++) {
        starts.set(c, isFirstChar((char) c));
      }
      char[] scan = new char[starts.cardinality()];
      int k = 0;
      for (int c = starts.nextSetBit(0); c >= 0; c = starts.nextSetBit(c + 1)) {
        scan[k++] = (char) c;
      }
      this.scanChars = scan.length <= MAX_SCAN_CHARS ? scan : null;
      List<List<Long>> byLength = new ArrayList<>();
      for (int length = 0; length <= PREFIX; length++) {
        byLength.add(new ArrayList<>());
      }
      for (String term : stripped) {
        int length = 0;
        while (length < Math.min(PREFIX, term.length()) && !Character.isSurrogate(term.charAt(length))) {
          length++;
        }
        byLength.get(length).add(prefixKey(term, 0, length));
      }
      for (int length = 1; length <= PREFIX; length++) {
        if (!byLength.get(length).isEmpty()) {
          prefixes[length] = byLength.get(length).stream().mapToLong(Long::longValue).sorted().toArray();
        }
      }
    }

    /**
     * False when no term can match at {@code at}: its first chars, case-folded, start no term. Checked
     * before the regex, because most words that start with a term's first letter share no more with it
     * ("in", "is" for "Initech"), and each regex attempt costs a matcher reset.
     */
    boolean mayStartTerm(String text, int at) {
      if (firstChars == null) {
        return true; // a term starts with a surrogate: its prefix is empty
      }
      long key = 0;
      for (int length = 1; length <= PREFIX && at + length <= text.length(); length++) {
        key = key << 16 | fold(text.charAt(at + length - 1));
        long[] keys = prefixes[length];
        if (keys != null && Arrays.binarySearch(keys, key) >= 0) {
          return true;
        }
      }
      return false;
    }

    /**
     * The first position at or after {@code from} where a term may start, or -1: one of the first chars,
     * at the start of a word. Most occurrences of a term's first letter are inside words, where the
     * regex's lookbehind would reject them after the cost of a match attempt.
     *
     * @param next per text, {@link #newScan}'s array: for each of {@link #scanChars} its next occurrence
     *     found so far ({@code from} only grows between calls for one text)
     */
    int nextCandidate(String text, int from, int[] next) {
      if (firstChars == null) {
        return from < text.length() ? from : -1;
      }
      if (next == null) {
        for (int i = from; i < text.length(); i++) {
          if (starts.get(text.charAt(i)) && !followsWordChar(text, i) && mayStartTerm(text, i)) {
            return i;
          }
        }
        return -1;
      }
      while (true) {
        int first = -1;
        for (int k = 0; k < scanChars.length; k++) {
          if (next[k] != NOT_FOUND && next[k] < from) {
            next[k] = text.indexOf(scanChars[k], from);
          }
          if (next[k] != NOT_FOUND && (first < 0 || next[k] < first)) {
            first = next[k];
          }
        }
        if (first < 0) {
          return -1;
        }
        if (!followsWordChar(text, first) && mayStartTerm(text, first)) {
          return first;
        }
        from = first + 1;
      }
    }

    /**
     * The state {@link #nextCandidate} keeps for one text when the terms start with few distinct chars
     * ({@link #scanChars}), else null: then String.indexOf per start char (a vectorised scan) finds the
     * candidates instead of a look-up per char of the text.
     */
    int[] newScan() {
      if (scanChars == null) {
        return null;
      }
      int[] next = new int[scanChars.length];
      Arrays.fill(next, Integer.MIN_VALUE);
      return next;
    }

    /** The case-folded chars {@code text[from, from + length)}, packed 16 bits each. */
    private static long prefixKey(String text, int from, int length) {
      long key = 0;
      for (int i = from; i < from + length; i++) {
        key = key << 16 | fold(text.charAt(i));
      }
      return key;
    }

    private boolean isFirstChar(char c) {
      char folded = fold(c);
      for (char first : firstChars) {
        if (first == folded) {
          return true;
        }
      }
      return false;
    }
  }

  /** How many first chars of a term are compared before its regex is tried. */
  private static final int PREFIX = 3;
  /**
   * Above this many start chars one pass over the text with a table look-up per char beats an indexOf
   * per start char.
   */
  private static final int MAX_SCAN_CHARS = 8;
  /** String.indexOf's answer when a char does not occur (again). */
  private static final int NOT_FOUND = -1;

  private final List<EntityTerms> terms = new ArrayList<>();

  /** @param denyList entity name to the strings reported as that entity */
  public DenyListRecognizer(Map<String, List<String>> denyList) {
    for (Map.Entry<String, List<String>> entry : denyList.entrySet()) {
      List<String> alternatives = new ArrayList<>();
      List<String> strippedTerms = new ArrayList<>();
      StringBuilder firstChars = new StringBuilder();
      boolean bmpStarts = true;
      for (String term : entry.getValue()) {
        if (term != null && !term.isBlank()) {
          String stripped = term.strip();
          alternatives.add(Pattern.quote(stripped));
          strippedTerms.add(stripped);
          bmpStarts &= !Character.isSurrogate(stripped.charAt(0));
          char first = fold(stripped.charAt(0));
          if (firstChars.indexOf(String.valueOf(first)) < 0) {
            firstChars.append(first);
          }
        }
      }
      if (!alternatives.isEmpty()) {
        // Longest first, so "Project Blue Sky" wins over "Project Blue" where both are listed.
        alternatives.sort((a, b) -> b.length() - a.length());
        String regex = "(?<![\\p{L}\\p{N}_])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}_])";
        terms.add(new EntityTerms(entry.getKey(), Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            bmpStarts ? firstChars.toString().toCharArray() : null, strippedTerms));
      }
    }
  }

  /** The char before {@code at} is one that the terms' lookbehind {@code [\p{L}\p{N}_]} excludes. */
  private static boolean followsWordChar(String text, int at) {
    if (at == 0) {
      return false;
    }
    char previous = text.charAt(at - 1);
    if (previous < 128) {
      return previous == '_' || (previous >= '0' && previous <= '9') || ((previous | 0x20) >= 'a' && (previous | 0x20) <= 'z');
    }
    int before = Character.codePointBefore(text, at);
    if (before == '_' || Character.isLetter(before)) {
      return true;
    }
    int type = Character.getType(before);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** The case folding that CASE_INSENSITIVE | UNICODE_CASE applies to each literal char. */
  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
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
      entities.add(t.entity);
    }
    return entities;
  }

  @Override
  public List<Detection> analyze(String text) {
    List<Detection> out = new ArrayList<>();
    for (EntityTerms t : terms) {
      Matcher m = t.pattern.matcher(text);
      // The lookbehind at a candidate position must see the char before it.
      m.useTransparentBounds(true).useAnchoringBounds(false);
      int[] scan = t.newScan();
      int at = t.nextCandidate(text, 0, scan);
      while (at >= 0) {
        m.region(at, text.length());
        if (m.lookingAt()) {
          out.add(new Detection(t.entity, m.start(), m.end(), 1.0, NAME));
          at = t.nextCandidate(text, m.end(), scan);
        } else {
          at = t.nextCandidate(text, at + 1, scan);
        }
      }
    }
    return out;
  }
}
