package io.sluice.pipelines.report;

import java.util.List;
import java.util.Map;

/** A horizontal bar chart as inline SVG, so the report needs neither network nor JavaScript. */
final class SvgBarChart {
  private static final int WIDTH = 720;
  private static final int LABEL_WIDTH = 220;
  private static final int VALUE_WIDTH = 90;
  private static final int ROW_HEIGHT = 24;
  private static final int BAR_HEIGHT = 16;
  private static final int MAX_LABEL_CHARS = 32;

  private SvgBarChart() {}

  /**
   * Renders one bar per row, in the order given. Returns an empty string for no rows: an empty chart says
   * nothing that the table's "none" line does not.
   */
  static String render(String title, List<Map.Entry<String, Long>> rows, String barColor) {
    if (rows.isEmpty()) {
      return "";
    }
    long max = rows.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
    int barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    int height = rows.size() * ROW_HEIGHT + 8;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" aria-label=\"").append(Html.escape(title)).append("\">\n");
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    for (int i = 0; i < rows.size(); i++) {
      Map.Entry<String, Long> row = rows.get(i);
      int y = 4 + i * ROW_HEIGHT;
      // Keep a sliver visible for non-zero counts so small categories do not vanish next to large ones.
      int barWidth = max <= 0 ? 0 : (int) Math.max(row.getValue() > 0 ? 2 : 0, Math.round((double) row.getValue() / max * barSpace));
      svg.append("<g class=\"bar\"><text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + BAR_HEIGHT - 3)
          .append("\" text-anchor=\"end\">").append(Html.escape(shorten(row.getKey()))).append("</text>")
          .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(barWidth)
          .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(barColor).append("\"/>")
          .append("<text x=\"").append(LABEL_WIDTH + barWidth + 6).append("\" y=\"").append(y + BAR_HEIGHT - 3)
          .append("\">").append(row.getValue()).append("</text></g>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  private static String shorten(String label) {
    int codePoints = label.codePointCount(0, label.length());
    if (codePoints <= MAX_LABEL_CHARS) {
      return label;
    }
    return label.substring(0, label.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "…";
  }
}
