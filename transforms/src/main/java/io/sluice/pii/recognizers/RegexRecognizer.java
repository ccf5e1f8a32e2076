package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presidio's pattern recognizer: named regexes with base scores, run only inside the
 * {@link Candidates} regions, each match passed to {@link #accept} which may validate it (checksum,
 * ranges), change its score, trim it, or reject it.
 */
public abstract class RegexRecognizer implements IndexedRecognizer {

  /**
   * One regex, the score of a match before validation and context, and where it may match (null: the
   * recognizer's default candidates). {@code wordStart}: the regex opens with a lookbehind that rejects
   * an ASCII letter or digit before the match, as every built-in one does ("(?<![0-9A-Za-z-])..."), so
   * a match can only start where the char before is none; the scan then tries only those positions
   * instead of every char of a region. {@code shape}: null, or a test that a word-start position
   * must pass before the regex is tried there.
   */
  public record ScoredPattern(String name, Pattern pattern, double score, Candidates candidates, boolean wordStart,
      StartShape shape) {
    /** A built-in pattern: {@code regex} must open with a lookbehind that rejects ASCII letters and digits. */
    public static ScoredPattern of(String name, String regex, double score) {
      return new ScoredPattern(name, Pattern.compile(regex), score, null, true, null);
    }

    /** A pattern whose regex may start a match anywhere (a user's). */
    public static ScoredPattern anywhere(String name, Pattern pattern, double score) {
      return new ScoredPattern(name, pattern, score, null, false, null);
    }

    /** This pattern, looked for only in {@code where} instead of the recognizer's default regions. */
    public ScoredPattern within(Candidates where) {
      return new ScoredPattern(name, pattern, score, where, wordStart, shape);
    }

    /** This built-in pattern, tried only at positions that pass {@code startShape}. */
    ScoredPattern startingLike(StartShape startShape) {
      return new ScoredPattern(name, pattern, score, candidates, wordStart, startShape);
    }
  }

  private final String name;
  private final String entity;
  private final Set<String> contextWords;
  private final List<ScoredPattern> patterns;
  /** Per pattern: where its matches can start; null for patterns that are not word-start ones. */
  private final List<MatchStarts> starts = new ArrayList<>();
  /** Per pattern that is not a word-start one: the text its matches start with ({@link LiteralPrefix}), or null. */
  private final List<String> literalPrefixes = new ArrayList<>();
  private final Candidates candidates;
  /**
   * One matcher per pattern and thread, reset to each text: a new matcher allocates its group and
   * lookaround state, which costs as much as the few match attempts a pattern makes in a typical text.
   */
  private final ThreadLocal<Matcher[]> matchers = ThreadLocal.withInitial(this::newMatchers);

  protected RegexRecognizer(String name, String entity, Set<String> contextWords, List<ScoredPattern> patterns,
      Candidates candidates) {
    this.name = name;
    this.entity = entity;
    this.contextWords = Set.copyOf(contextWords);
    this.patterns = List.copyOf(patterns);
    for (ScoredPattern pattern : this.patterns) {
      starts.add(pattern.wordStart() ? new MatchStarts(pattern.pattern()) : null);
      literalPrefixes.add(pattern.wordStart() ? null : LiteralPrefix.of(pattern.pattern()));
    }
    this.candidates = candidates;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> supportedEntities() {
    return Set.of(entity);
  }

  @Override
  public Set<String> contextWords() {
    return contextWords;
  }

  private Matcher[] newMatchers() {
    Matcher[] out = new Matcher[patterns.size()];
    for (int p = 0; p < out.length; p++) {
      // Lookarounds at a region's edge must see the real neighbours, not a fake text boundary.
      out[p] = patterns.get(p).pattern().matcher("").useTransparentBounds(true).useAnchoringBounds(false);
    }
    return out;
  }

  /** The patterns, in the order they run. */
  List<ScoredPattern> patterns() {
    return patterns;
  }

  @Override
  public void analyze(TextIndex index, List<Detection> out) {
    String text = index.text();
    // Patterns sharing a Candidates instance share its regions; consecutive patterns usually do.
    Candidates lastCandidates = null;
    int[] regions = null;
    Matcher[] threadMatchers = matchers.get();
    for (int p = 0; p < patterns.size(); p++) {
      ScoredPattern pattern = patterns.get(p);
      Candidates where = pattern.candidates() == null ? candidates : pattern.candidates();
      if (where != lastCandidates) {
        regions = where.regions(index);
        lastCandidates = where;
      }
      if (regions.length == 0) {
        continue;
      }
      Matcher m = threadMatchers[p].reset(text);
      for (int r = 0; r < regions.length; r += 2) {
        if (pattern.wordStart()) {
          findAtWordStarts(text, m, regions[r], regions[r + 1], pattern, starts.get(p), out);
          continue;
        }
        if (literalPrefixes.get(p) != null) {
          findAfterLiteral(text, m, regions[r], regions[r + 1], pattern, literalPrefixes.get(p), out);
          continue;
        }
        m.region(regions[r], regions[r + 1]);
        while (m.find()) {
          if (m.end() == m.start()) {
            continue; // a user regex that can match nothing; an empty span is no finding
          }
          add(accept(text, m, pattern), out);
        }
      }
    }
  }

  /**
   * The matches {@code m.find()} would return in {@code [from, to)}, found by trying the regex only
   * where the char before is no ASCII letter or digit and the char can start a match: find() would
   * try every position, and most fail on the pattern's opening lookbehind or first char (or on its
   * {@link StartShape}).
   */
  private void findAtWordStarts(String text, Matcher m, int from, int to, ScoredPattern pattern,
      MatchStarts starts, List<Detection> out) {
    StartShape shape = pattern.shape();
    int at = from;
    while (at < to) {
      if ((at > 0 && isAsciiLetterOrDigit(text.charAt(at - 1))) || !starts.mayStartWith(text.charAt(at))
          || (shape != null && !shape.mayMatchAt(text, at))) {
        at++;
        continue;
      }
      m.region(at, to);
      if (m.lookingAt() && m.end() > at) {
        add(accept(text, m, pattern), out);
        at = m.end();
      } else {
        at++;
      }
    }
  }

  /**
   * The matches {@code m.find()} would return in {@code [from, to)} for a regex whose matches all start
   * with {@code literal}: tried only where the literal occurs.
   */
  private void findAfterLiteral(String text, Matcher m, int from, int to, ScoredPattern pattern, String literal,
      List<Detection> out) {
    int at = text.indexOf(literal, from);
    while (at >= 0 && at < to) {
      m.region(at, to);
      if (m.lookingAt()) {
        add(accept(text, m, pattern), out);
        at = text.indexOf(literal, m.end());
      } else {
        at = text.indexOf(literal, at + 1);
      }
    }
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }

  private static void add(Detection d, List<Detection> out) {
    if (d != null) {
      out.add(d);
    }
  }

  /**
   * Turns a match into a detection, or null to reject it. The default keeps the match with the
   * pattern's score; recognizers with validators override this.
   */
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    return detection(match.start(), match.end(), pattern.score());
  }

  protected final Detection detection(int start, int end, double score) {
    return new Detection(entity, start, end, score, name);
  }
}
