package io.sluice.models.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Word lists that say what a word (case-folded) is known as: a first name, a last name, a place, an organisation
 * word, or a common English word. They give the head a signal that survives lower-case text, where the casing
 * features are empty ("met justin in london"). The lists are datafaker's English locale files (already on the
 * classpath for the training generator) and the JDK's English country names, so nothing extra ships. Entries of
 * several words ("united kingdom", "and sons") match as a whole and mark each of their words.
 */
final class Gazetteer {
  /** The lists, in feature order. */
  enum Kind { FIRST_NAME, LAST_NAME, PLACE, ORGANIZATION, COMMON_WORD }

  /** Longest entry, in words, that is matched as a whole. */
  private static final int MAX_ENTRY_WORDS = 4;

  private static final class Holder {
    static final Gazetteer ENGLISH = loadEnglish();
  }

  private final List<Set<String>> entries;

  private Gazetteer(List<Set<String>> entries) {
    this.entries = entries;
  }

  /** The English lists, read once per JVM. */
  static Gazetteer english() {
    return Holder.ENGLISH;
  }

  /**
   * Per alphanumeric word of {@code cps} (see {@link #words}), which kinds it is part of: [word][Kind.ordinal()].
   */
  boolean[][] kinds(int[] cps, List<int[]> words) {
    boolean[][] out = new boolean[words.size()][Kind.values().length];
    for (int from = 0; from < words.size(); from++) {
      StringBuilder entry = new StringBuilder();
      for (int to = from; to < Math.min(words.size(), from + MAX_ENTRY_WORDS); to++) {
        if (to > from) {
          if (lineBreakBetween(cps, words.get(to - 1)[1], words.get(to)[0])) {
            break;
          }
          entry.append(' ');
        }
        int[] w = words.get(to);
        for (int i = w[0]; i < w[1]; i++) {
          entry.appendCodePoint(Character.toLowerCase(cps[i]));
        }
        String key = entry.toString();
        for (Kind kind : Kind.values()) {
          if (entries.get(kind.ordinal()).contains(key)) {
            for (int k = from; k <= to; k++) {
              out[k][kind.ordinal()] = true;
            }
          }
        }
      }
    }
    return out;
  }

  /** The runs of letters and digits of {@code cps}, as [start, end) code-point pairs in text order. */
  static List<int[]> words(int[] cps) {
    List<int[]> words = new ArrayList<>();
    int i = 0;
    while (i < cps.length) {
      if (!Character.isLetterOrDigit(cps[i])) {
        i++;
        continue;
      }
      int start = i;
      while (i < cps.length && Character.isLetterOrDigit(cps[i])) {
        i++;
      }
      words.add(new int[] {start, i});
    }
    return words;
  }

  private static boolean lineBreakBetween(int[] cps, int from, int to) {
    for (int i = from; i < to; i++) {
      if (cps[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  /** An entry as the matcher sees text: case-folded words of letters and digits joined by single spaces. */
  static String normalized(String entry) {
    int[] cps = entry.codePoints().toArray();
    StringBuilder sb = new StringBuilder();
    for (int[] w : words(cps)) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      for (int i = w[0]; i < w[1]; i++) {
        sb.appendCodePoint(Character.toLowerCase(cps[i]));
      }
    }
    return sb.toString();
  }

  private static Gazetteer loadEnglish() {
    Map<Kind, Set<String>> lists = new HashMap<>();
    for (Kind kind : Kind.values()) {
      lists.put(kind, new HashSet<>());
    }
    add(lists.get(Kind.FIRST_NAME), "name", "male_first_name", "female_first_name");
    add(lists.get(Kind.LAST_NAME), "name", "last_name");
    add(lists.get(Kind.PLACE), "address", "country", "state");
    add(lists.get(Kind.PLACE), "country", "name", "capital");
    add(lists.get(Kind.PLACE), "nation", "capital_city");
    for (String code : Locale.getISOCountries()) {
      lists.get(Kind.PLACE).add(normalized(new Locale("", code).getDisplayCountry(Locale.ENGLISH)));
    }
    add(lists.get(Kind.ORGANIZATION), "company", "suffix");
    add(lists.get(Kind.ORGANIZATION), "university", "suffix");
    add(lists.get(Kind.COMMON_WORD), "words", "adjective", "adverb", "conjunction", "interjection", "noun",
        "preposition", "verb");
    add(lists.get(Kind.COMMON_WORD), "verbs", "base", "past", "past_participle", "simple_present", "ing_form");
    List<Set<String>> entries = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      Set<String> set = lists.get(kind);
      set.remove("");
      entries.add(Set.copyOf(set));
    }
    return new Gazetteer(entries);
  }

  /**
   * Adds the plain entries of lists {@code keys} of datafaker's {@code en/<file>.yml} (section {@code file});
   * entries that are templates ("#{first_name}") are not words and are skipped.
   */
  private static void add(Set<String> into, String file, String... keys) {
    String resource = "en/" + file + ".yml";
    Map<?, ?> section;
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " (datafaker) is not on the classpath");
      }
      Map<?, ?> root = new Yaml().load(in);
      section = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) root.get("en")).get("faker")).get(file);
    } catch (IOException e) {
      throw new UncheckedIOException(resource + " could not be read", e);
    }
    for (String key : keys) {
      if (!(section.get(key) instanceof List<?> values)) {
        throw new IllegalStateException(resource + " has no list " + key);
      }
      for (Object v : values) {
        String s = String.valueOf(v);
        if (!s.contains("#{")) {
          into.add(normalized(s));
        }
      }
    }
  }
}
