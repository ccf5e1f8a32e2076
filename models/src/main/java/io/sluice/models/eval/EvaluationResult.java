package io.sluice.models.eval;

import java.util.Locale;
import java.util.Map;

/** Per-entity scores at token and span level, with micro-averaged totals over all scored entity types. */
public record EvaluationResult(Map<String, Scores> tokenLevel, Map<String, Scores> spanLevel) {
  public EvaluationResult {
    tokenLevel = Map.copyOf(tokenLevel);
    spanLevel = Map.copyOf(spanLevel);
  }

  public Scores tokenTotal() {
    return tokenLevel.values().stream().reduce(Scores.ZERO, Scores::plus);
  }

  public Scores spanTotal() {
    return spanLevel.values().stream().reduce(Scores.ZERO, Scores::plus);
  }

  /** A plain-text table: one row per entity and level, then the totals. */
  public String toTable() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %-5s %7s %7s %7s %7s %7s%n",
        "entity", "level", "P", "R", "F1", "F2", "support"));
    new java.util.TreeSet<>(tokenLevel.keySet()).forEach(type -> {
      row(sb, type, "token", tokenLevel.get(type));
      row(sb, type, "span", spanLevel.get(type));
    });
    row(sb, "ALL", "token", tokenTotal());
    row(sb, "ALL", "span", spanTotal());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String type, String level, Scores s) {
    sb.append(String.format(Locale.ROOT, "%-20s %-5s %7.3f %7.3f %7.3f %7.3f %7d%n", type, level,
        s.precision(), s.recall(), s.f1(), s.f2(), s.support()));
  }
}
