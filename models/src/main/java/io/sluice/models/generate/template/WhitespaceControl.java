package io.sluice.models.generate.template;

import java.util.regex.Pattern;

/**
 * Applies Jinja's whitespace control markers ({@code {{-}, {@code -}}}, {@code {%-}, {@code -%}}) before Jinjava
 * sees the template: Jinjava ignores them on expression tags, while Hugging Face templates (Qwen's, Llama 3's)
 * indent every line and rely on them to remove that indentation.
 */
final class WhitespaceControl {
  private static final Pattern LEFT = Pattern.compile("\\s*(\\{[{%#])-");
  private static final Pattern RIGHT = Pattern.compile("-([}%#]\\})\\s*");

  private WhitespaceControl() {}

  static String apply(String template) {
    String left = LEFT.matcher(template).replaceAll("$1");
    return RIGHT.matcher(left).replaceAll("$1");
  }
}
