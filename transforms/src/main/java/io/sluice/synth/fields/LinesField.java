package io.sluice.synth.fields;

import java.util.List;

/** A line of a seed file (read when the spec is loaded; blank lines and lines starting with # are skipped). */
record LinesField(List<String> lines) implements FieldGenerator {
  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public Object generate(GeneratorContext context) {
    return lines.get(context.random().nextInt(lines.size()));
  }
}
