package io.sluice.models.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a gold field value (a string, not offsets) occurs in a document's text, so a span head can be
 * trained from labelled examples that give values only. Three tries, the first that finds anything wins:
 * <ol>
 *   <li>{@link Strategy#EXACT}: every occurrence as written;</li>
 *   <li>{@link Strategy#NORMALISED}: every occurrence ignoring case and treating any run of whitespace (line
 *       breaks included) as one space, so a value written on one line matches the same words over two OCR lines;</li>
 *   <li>{@link Strategy#LINES}: the longest run of consecutive lines that are each, ignoring case and spacing, a
 *       piece of the value, in the value's order: OCR splits a multi-line value into lines and may lose pieces
 *       between them (an address whose street line is missing). Accepted for two lines or more, or for one line
 *       that covers at least {@link #MIN_COVERED} of the value;</li>
 *   <li>{@link Strategy#FUZZY}: the one stretch of text closest to the value under an edit distance in which
 *       value characters missing from the text cost half as much as text characters that are not in the
 *       value (OCR drops and misreads characters and whole pieces; what it adds is usually another field).
 *       Accepted when at least {@link #MIN_COVERED} of the value's characters are matched and at most
 *       {@link #MAX_FOREIGN} of the stretch is foreign to the value; the stretch is widened to whole words.</li>
 * </ol>
 * Occurrences must start and end at word edges ("1.00" is not found inside "31.00"). Offsets are code points.
 */
public final class ValueLocator {
  /** Share of the value's characters a fuzzy match must cover. */
  static final double MIN_COVERED = 0.5;
  /** Share of a fuzzy match's characters that may be foreign to the value (misread or extra). */
  static final double MAX_FOREIGN = 0.2;
  /** Above this many DP cells (value x text) the fuzzy try is skipped: a value that long is not a field value. */
  private static final long MAX_CELLS = 4_000_000L;

  /** How a value was found. */
  public enum Strategy { EXACT, NORMALISED, LINES, FUZZY, NONE }

  /** A located value: its occurrences [start, end) in code points, and how they were found. */
  public record Located(List<int[]> spans, Strategy strategy) {
    public boolean found() {
      return !spans.isEmpty();
    }
  }

  private ValueLocator() {}

  public static Located locate(String text, String value) {
    int[] cps = text.codePoints().toArray();
    int[] wanted = value.strip().codePoints().toArray();
    if (wanted.length == 0) {
      return new Located(List.of(), Strategy.NONE);
    }
    List<int[]> exact = occurrences(cps, wanted);
    if (!exact.isEmpty()) {
      return new Located(exact, Strategy.EXACT);
    }
    Folded t = Folded.of(cps);
    Folded v = Folded.of(wanted);
    List<int[]> normalised = new ArrayList<>();
    for (int[] o : occurrences(t.cps, v.cps)) {
      normalised.add(new int[] {t.origin[o[0]], t.origin[o[1] - 1] + 1});
    }
    if (!normalised.isEmpty()) {
      return new Located(normalised, Strategy.NORMALISED);
    }
    int[] lines = lines(cps, v.cps);
    if (lines != null) {
      return new Located(List.<int[]>of(lines), Strategy.LINES);
    }
    int[] fuzzy = fuzzy(t, v.cps);
    if (fuzzy == null) {
      return new Located(List.of(), Strategy.NONE);
    }
    return new Located(List.of(widenToWords(cps, fuzzy)), Strategy.FUZZY);
  }

  /** Occurrences of needle in hay that begin and end at word edges. */
  private static List<int[]> occurrences(int[] hay, int[] needle) {
    List<int[]> out = new ArrayList<>();
    for (int s = 0; s + needle.length <= hay.length; s++) {
      int k = 0;
      while (k < needle.length && hay[s + k] == needle[k]) {
        k++;
      }
      int e = s + needle.length;
      if (k == needle.length && edge(hay, s - 1, s) && edge(hay, e - 1, e)) {
        out.add(new int[] {s, e});
      }
    }
    return out;
  }

  /** True unless the characters on both sides of a cut are letters or digits (the cut splits a word). */
  private static boolean edge(int[] cps, int before, int after) {
    return before < 0 || after >= cps.length
        || !(Character.isLetterOrDigit(cps[before]) && Character.isLetterOrDigit(cps[after]));
  }

  /** The best run of consecutive lines that are ordered pieces of the folded value, or null. */
  private static int[] lines(int[] cps, int[] value) {
    List<int[]> bounds = new ArrayList<>();
    for (int s = 0, e; s <= cps.length; s = e + 1) {
      e = s;
      while (e < cps.length && cps[e] != '\n') {
        e++;
      }
      bounds.add(new int[] {s, e});
    }
    List<Folded> folded = bounds.stream().map(b -> Folded.of(java.util.Arrays.copyOfRange(cps, b[0], b[1]))).toList();
    int bestFrom = -1;
    int bestTo = -1;
    int bestCovered = 0;
    for (int from = 0; from < folded.size(); from++) {
      int at = 0;
      int covered = 0;
      int to = from;
      while (to < folded.size() && alphanumerics(folded.get(to).cps) >= 2) {
        int found = indexOf(value, folded.get(to).cps, at);
        if (found < 0) {
          break;
        }
        at = found + folded.get(to).cps.length;
        covered += folded.get(to).cps.length;
        to++;
      }
      if (to > from && covered > bestCovered) {
        bestFrom = from;
        bestTo = to;
        bestCovered = covered;
      }
    }
    if (bestFrom < 0 || (bestTo - bestFrom < 2 && bestCovered < MIN_COVERED * value.length)) {
      return null;
    }
    Folded first = folded.get(bestFrom);
    Folded last = folded.get(bestTo - 1);
    return new int[] {bounds.get(bestFrom)[0] + first.origin[0],
        bounds.get(bestTo - 1)[0] + last.origin[last.cps.length - 1] + 1};
  }

  /** First whole-word occurrence of needle in hay at or after {@code from}, or -1. */
  private static int indexOf(int[] hay, int[] needle, int from) {
    for (int[] o : occurrences(hay, needle)) {
      if (o[0] >= from) {
        return o[0];
      }
    }
    return -1;
  }

  private static int alphanumerics(int[] cps) {
    int n = 0;
    for (int c : cps) {
      n += Character.isLetterOrDigit(c) ? 1 : 0;
    }
    return n;
  }

  /**
   * Semi-global alignment (Sellers): the value aligned whole against any stretch of the text. Returns the best
   * stretch [start, end) in folded positions mapped back to the text, or null when it is not close enough.
   */
  private static int[] fuzzy(Folded t, int[] v) {
    int m = v.length;
    int n = t.cps.length;
    if (n == 0 || (long) (m + 1) * (n + 1) > MAX_CELLS) {
      return null;
    }
    float missing = 0.5f;
    float[][] d = new float[m + 1][n + 1];
    for (int i = 1; i <= m; i++) {
      d[i][0] = i * missing;
      for (int j = 1; j <= n; j++) {
        float diagonal = d[i - 1][j - 1] + (v[i - 1] == t.cps[j - 1] ? 0 : 1);
        d[i][j] = Math.min(diagonal, Math.min(d[i - 1][j] + missing, d[i][j - 1] + 1));
      }
    }
    int end = 1;
    for (int j = 2; j <= n; j++) {
      if (d[m][j] < d[m][end]) {
        end = j;
      }
    }
    // trace back to where the stretch starts, counting matched value characters and foreign text characters
    int i = m;
    int j = end;
    int matched = 0;
    int foreign = 0;
    while (i > 0 && j > 0) {
      boolean same = v[i - 1] == t.cps[j - 1];
      if (d[i][j] == d[i - 1][j - 1] + (same ? 0 : 1)) {
        matched += same ? 1 : 0;
        foreign += same ? 0 : 1;
        i--;
        j--;
      } else if (d[i][j] == d[i - 1][j] + missing) {
        i--;
      } else {
        foreign++;
        j--;
      }
    }
    int start = j;
    if (matched < MIN_COVERED * m || foreign > MAX_FOREIGN * (end - start)) {
      return null;
    }
    return new int[] {t.origin[start], t.origin[end - 1] + 1};
  }

  private static int[] widenToWords(int[] cps, int[] span) {
    int s = span[0];
    int e = span[1];
    while (s > 0 && Character.isLetterOrDigit(cps[s - 1]) && Character.isLetterOrDigit(cps[s])) {
      s--;
    }
    while (e < cps.length && Character.isLetterOrDigit(cps[e - 1]) && Character.isLetterOrDigit(cps[e])) {
      e++;
    }
    return new int[] {s, e};
  }

  /** Lower-cased code points with whitespace runs folded to one space, each mapped to its original position. */
  private record Folded(int[] cps, int[] origin) {
    static Folded of(int[] cps) {
      int[] out = new int[cps.length];
      int[] origin = new int[cps.length];
      int n = 0;
      int s = 0;
      int e = cps.length;
      while (s < e && Character.isWhitespace(cps[s])) {
        s++;
      }
      while (e > s && Character.isWhitespace(cps[e - 1])) {
        e--;
      }
      for (int i = s; i < e; i++) {
        boolean space = Character.isWhitespace(cps[i]);
        if (space && n > 0 && out[n - 1] == ' ' && Character.isWhitespace(cps[i - 1])) {
          continue;
        }
        out[n] = space ? ' ' : Character.toLowerCase(cps[i]);
        origin[n++] = i;
      }
      return new Folded(java.util.Arrays.copyOf(out, n), java.util.Arrays.copyOf(origin, n));
    }
  }
}
