package io.sluice.pii.analyzer;

import io.sluice.pii.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves overlapping detections with one rule, so that the redaction step gets disjoint spans.
 *
 * <p><b>Rule.</b> Detections are ranked by: higher score first; on equal score, the longer span; then
 * the earlier start; then entity type name, then detector name (alphabetically) so the result never
 * depends on recognizer order. Walking that ranking, a detection is kept when it overlaps no detection
 * already kept, and dropped otherwise (the loser is dropped whole, never trimmed). Spans that merely
 * touch ({@code a.end == b.start}) do not overlap. The result is sorted by start and non-overlapping.
 */
public final class ConflictResolver {

  static final Comparator<Detection> RANK = Comparator.comparingDouble(Detection::score).reversed()
      .thenComparing(Comparator.comparingInt(Detection::length).reversed())
      .thenComparingInt(Detection::start)
      .thenComparing(Detection::entityType)
      .thenComparing(Detection::detector);

  private ConflictResolver() {}

  /** The kept detections, sorted by start; {@code detections} is not modified. */
  public static List<Detection> resolve(List<Detection> detections) {
    if (detections.size() <= 1) {
      return List.copyOf(detections);
    }
    List<Detection> ranked = new ArrayList<>(detections);
    ranked.sort(RANK);
    TreeMap<Integer, Detection> keptByStart = new TreeMap<>();
    for (Detection candidate : ranked) {
      if (!overlapsKept(keptByStart, candidate)) {
        keptByStart.put(candidate.start(), candidate);
      }
    }
    return new ArrayList<>(keptByStart.values());
  }

  /**
   * Kept spans are disjoint, so among those starting before the candidate's end the last one also ends
   * last: if any kept span overlaps the candidate, that one does.
   */
  private static boolean overlapsKept(TreeMap<Integer, Detection> keptByStart, Detection candidate) {
    Map.Entry<Integer, Detection> before = keptByStart.lowerEntry(candidate.end());
    return before != null && before.getValue().end() > candidate.start();
  }
}
