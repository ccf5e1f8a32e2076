package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
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
   * recognizer's default candidates).
   */
  public record ScoredPattern(String name, Pattern pattern, double score, Candidates candidates) {
    public static ScoredPattern of(String name, String regex, double score) {
      return new ScoredPattern(name, Pattern.compile(regex), score, null);
    }

    /** This pattern, looked for only in {@code where} instead of the recognizer's default regions. */
    public ScoredPattern within(Candidates where) {
      return new ScoredPattern(name, pattern, score, where);
    }
  }

  private final String name;
  private final String entity;
  private final Set<String> contextWords;
  private final List<ScoredPattern> patterns;
  private final Candidates candidates;

  protected RegexRecognizer(String name, String entity, Set<String> contextWords, List<ScoredPattern> patterns,
      Candidates candidates) {
    this.name = name;
    this.entity = entity;
    this.contextWords = Set.copyOf(contextWords);
    this.patterns = List.copyOf(patterns);
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

  @Override
  public void analyze(TextIndex index, List<Detection> out) {
    String text = index.text();
    // Patterns sharing a Candidates instance share its regions; consecutive patterns usually do.
    Candidates lastCandidates = null;
    int[] regions = null;
    for (ScoredPattern pattern : patterns) {
      Candidates where = pattern.candidates() == null ? candidates : pattern.candidates();
      if (where != lastCandidates) {
        regions = where.regions(index);
        lastCandidates = where;
      }
      if (regions.length == 0) {
        continue;
      }
      Matcher m = pattern.pattern().matcher(text);
      // Lookarounds at a region's edge must see the real neighbours, not a fake text boundary.
      m.useTransparentBounds(true).useAnchoringBounds(false);
      for (int r = 0; r < regions.length; r += 2) {
        m.region(regions[r], regions[r + 1]);
        while (m.find()) {
          if (m.end() == m.start()) {
            continue; // a user regex that can match nothing; an empty span is no finding
          }
          Detection d = accept(text, m, pattern);
          if (d != null) {
            out.add(d);
          }
        }
      }
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
