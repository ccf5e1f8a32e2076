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
   * outside the BMP): the regex can only match where the text has one of them at the start of a word, so
   * only those positions are tried instead of every char.
   */
  private static final class EntityTerms {
    private final String entity;
    private final Pattern pattern;
    private final char[] firstChars;
    /** firstChars tested for every char once ("i", "I", "\u0130", "\u0131" for "Initech"). */
    private final BitSet starts = new BitSet(Character.MAX_VALUE + 1);
    /** Per ASCII char, the scan's common case: {@link #WORD_CHAR} and {@link #FIRST_CHAR} bits. */
    private final byte[] asciiClasses = new byte[128];

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
      for (int c = 0; c < asciiClasses.length; c++) {
        asciiClasses[c] = (byte) ((isAsciiWordChar((char) c) ? WORD_CHAR : 0) | (starts.get(c) ? FIRST_CHAR : 0));
      }
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
     * regex's lookbehind would reject them after the cost of a match attempt. One pass over the chars
     * that carries the previous char's word-char bit into a bit test, with no branch on it: the first
     * chars of common terms ("i", "g") occur every few chars, too often for a String.indexOf per
     * occurrence to pay, and a branch on every word's start and end mispredicts.
     */
    int nextCandidate(String text, int from) {
      int n = text.length();
      if (firstChars == null) {
        return from < n ? from : -1;
      }
      int previousWordChar = followsWordChar(text, from) ? WORD_CHAR : 0;
      for (int i = from; i < n; i++) {
        char c = text.charAt(i);
        int classes = c < 128 ? asciiClasses[c] : nonAsciiClasses(text, i);
        // FIRST_CHAR is WORD_CHAR shifted once: set when c is a first char and the previous no word char.
        if ((classes & ~(previousWordChar << 1) & FIRST_CHAR) != 0 && mayStartTerm(text, i)) {
          return i;
        }
        previousWordChar = classes & WORD_CHAR;
      }
      return -1;
    }

    /** The class bits of the char at {@code at}, not ASCII (a word char when it is before {@code at + 1}). */
    private int nonAsciiClasses(String text, int at) {
      return (followsWordChar(text, at + 1) ? WORD_CHAR : 0) | (starts.get(text.charAt(at)) ? FIRST_CHAR : 0);
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

  /** Class bit of a char of the terms' lookbehind {@code [\p{L}\p{N}_]}. */
  private static final int WORD_CHAR = 1;
  /** Class bit of a char that folds to a term's first char; must be {@code WORD_CHAR << 1}. */
  private static final int FIRST_CHAR = 2;

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
      return isAsciiWordChar(previous);
    }
    int before = Character.codePointBefore(text, at);
    if (before == '_' || Character.isLetter(before)) {
      return true;
    }
    int type = Character.getType(before);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  private static boolean isAsciiWordChar(char c) {
    return c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
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
      int at = t.nextCandidate(text, 0);
      while (at >= 0) {
        m.region(at, text.length());
        if (m.lookingAt()) {
          out.add(new Detection(t.entity, m.start(), m.end(), 1.0, NAME));
          at = t.nextCandidate(text, m.end());
        } else {
          at = t.nextCandidate(text, at + 1);
        }
      }
    }
    return out;
  }
}
